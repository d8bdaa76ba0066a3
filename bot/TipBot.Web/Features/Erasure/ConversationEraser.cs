using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Conversations;
using TipBot.Persistence;

namespace TipBot.Features.Erasure;

/// <summary>
/// "Delete my messages": removes the conversation the person asked from, with everything stored about it (its messages,
/// its handoff cases with their notes and audit, the bot's memory of it) and the person's profile on that channel.
/// Nothing is kept back: the database's cascades remove what hangs off the conversation.
/// </summary>
public sealed partial class ConversationEraser(
    IDbContextFactory<TipBotDbContext> contexts,
    TurnStateStore states,
    ILogger<ConversationEraser> logger)
{
    public async Task EraseAsync(TipBotDbContext db, ConversationLookup conversation, Activity activity, string key, CancellationToken cancellationToken)
    {
        if (conversation.Id is { } id)
        {
            using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
            await db.Set<ConversationRecord>().Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
        await states.DeleteAllAsync(activity, cancellationToken);
        LogErased(logger, activity.ChannelId, key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Key} on {Channel} erased at the person's request")]
    private static partial void LogErased(ILogger logger, string channel, string key);
}
