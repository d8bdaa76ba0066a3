using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Persistence;

namespace TipBot.Features.Erasure;

/// <summary>
/// "Delete my messages": removes the conversation the person asked from, with everything stored about it (its messages,
/// its handoff cases with their notes and audit, the bot's memory of it) and the person's profile on that channel.
/// Nothing is kept back: the database's cascades remove what hangs off the conversation. Open consoles drop its cases.
/// </summary>
public sealed partial class ConversationEraser(
    IDbContextFactory<TipBotDbContext> contexts,
    TurnStateStore states,
    IConversationFeed feed,
    ILogger<ConversationEraser> logger)
{
    public async Task EraseAsync(TipBotDbContext db, ConversationLookup conversation, Activity activity, string key, CancellationToken cancellationToken)
    {
        if (conversation.Id is { } id)
        {
            var cases = await db.Set<HandoffCase>().Where(c => c.ConversationId == id).Select(c => c.Id).ToListAsync(cancellationToken);
            using (await DatabaseWriteGate.EnterAsync(contexts, cancellationToken))
            {
                await db.Set<ConversationRecord>().Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
            }
            feed.CasesDeleted(cases);
        }
        await states.DeleteAllAsync(activity, cancellationToken);
        LogErased(logger, activity.ChannelId, key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Key} on {Channel} erased at the person's request")]
    private static partial void LogErased(ILogger logger, string channel, string key);
}
