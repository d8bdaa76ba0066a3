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
        return await db.Set<MessageRecord>().AnyAsync(m => m.ActivityId == activityId
            && db.Set<ConversationRecord>().Any(c => c.Id == m.ConversationId && c.ChannelId == channelId && c.Key == key), cancellationToken);
    }

    public async Task RecordTurnAsync(string channelId, string key, string? activityId, string inboundText, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = await db.Set<ConversationRecord>().FirstOrDefaultAsync(c => c.ChannelId == channelId && c.Key == key, cancellationToken);
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
        if (outcome.Safety.Signals.Count > 0)
        {
            var signals = (conversation.SafetySignals?.Split(',') ?? []).Union(outcome.Safety.Signals, StringComparer.Ordinal);
            conversation.SafetySignals = string.Join(',', signals);
        }

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
        await db.SaveChangesAsync(cancellationToken);
    }

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
