using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TipBot.Persistence;

namespace TipBot.Features.Conversations;

/// <summary>
/// Records every conversation and message: channel, direction, language, topic and score, time. Text is
/// encrypted with Data Protection before it reaches the database.
/// </summary>
public sealed class TranscriptRecorder(
    IDbContextFactory<TipBotDbContext> contexts,
    IDataProtectionProvider dataProtection,
    Pseudonymizer pseudonymizer,
    TimeProvider time)
{
    // Both queries run on every turn, so they are compiled once: as plain LINQ each call walked and looked up its
    // expression tree, and the duplicate check's nested db.Set<ConversationRecord>() (a method call on a captured
    // context) went through the expression interpreter on every call.
    // The duplicate check starts from the conversation: two index seeks (conversations (ChannelId, Key), then
    // messages (ConversationId, ActivityId)). Written message-first, as before, SQLite scanned the whole messages
    // index for the ActivityId on every turn, so each turn cost more than the last. Same condition, same answer.
    private static readonly Func<TipBotDbContext, string, string, string, CancellationToken, Task<bool>> IsRecorded =
        EF.CompileAsyncQuery((TipBotDbContext db, string channelId, string key, string activityId, CancellationToken _) =>
            db.Set<ConversationRecord>().Any(c => c.ChannelId == channelId && c.Key == key
                && c.Messages.Any(m => m.ActivityId == activityId)));

    private static readonly Func<TipBotDbContext, string, string, CancellationToken, Task<ConversationRecord?>> FindConversation =
        EF.CompileAsyncQuery((TipBotDbContext db, string channelId, string key, CancellationToken _) =>
            db.Set<ConversationRecord>().FirstOrDefault(c => c.ChannelId == channelId && c.Key == key));

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TipBot.Transcript.v1");

    public string ConversationKey(string channelId, string conversationId) => pseudonymizer.Pseudonym(channelId + "\n" + conversationId);

    /// <summary>True when this inbound activity was recorded before: a duplicate webhook delivery.</summary>
    public async Task<bool> IsDuplicateAsync(string channelId, string key, string? activityId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await IsRecorded(db, channelId, key, activityId, cancellationToken);
    }

    public async Task RecordTurnAsync(string channelId, string key, string? activityId, string inboundText, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the read and the save: EF otherwise opens and closes it around each, and every open runs
        // SqlitePragmas and re-registers the provider's SQL functions.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = await FindConversation(db, channelId, key, cancellationToken);
        if (conversation is null)
        {
            conversation = new ConversationRecord { Id = Guid.CreateVersion7(), ChannelId = channelId, Key = key, StartedAt = now };
            db.Add(conversation);
        }
        conversation.LastMessageAt = now;
        conversation.Language = outcome.Language;
        if (outcome.HumanRequest is { } priority && (conversation.HumanRequestedAt is null || priority > conversation.HumanPriority))
        {
            conversation.HumanRequestedAt ??= now;
            conversation.HumanPriority = priority;
        }
        conversation.SafetySignals = IdList.Merge(conversation.SafetySignals, outcome.Safety.Signals);
        conversation.SafetyRedFlags = IdList.Merge(conversation.SafetyRedFlags, outcome.Safety.RedFlags);

        var score = outcome.Best?.Score;
        db.Add(new MessageRecord
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Inbound,
            ActivityId = string.IsNullOrEmpty(activityId) ? null : activityId[..Math.Min(activityId.Length, 128)],
            ProtectedText = _protector.Protect(inboundText),
            Language = outcome.Language,
            TopicId = outcome.TopicId,
            Score = score,
            Urgent = outcome.Urgent,
            CreatedAt = now,
        });
        foreach (var reply in outcome.Replies)
        {
            db.Add(new MessageRecord
            {
                ConversationId = conversation.Id,
                Direction = MessageDirection.Outbound,
                ProtectedText = _protector.Protect(reply.Text),
                Language = outcome.Language,
                TopicId = outcome.TopicId,
                CreatedAt = now,
            });
        }

        // Writers queue here rather than collide in SQLite (see DatabaseWriteGate); held for the write only.
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
