using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Handoff;
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
    // expression tree. The lookup starts from the conversation: two index seeks (conversations (ChannelId, Key), then
    // messages (ConversationId, ActivityId)); written message-first, SQLite scanned the whole messages index for the
    // ActivityId on every turn. It also brings the handoff status, so a turn needs no second query to know whether a
    // person has the conversation.
    private static readonly Func<TipBotDbContext, string, string, string, CancellationToken, Task<ConversationLookup?>> Lookup =
        EF.CompileAsyncQuery((TipBotDbContext db, string channelId, string key, string activityId, CancellationToken _) =>
            db.Set<ConversationRecord>().Where(c => c.ChannelId == channelId && c.Key == key)
                .Select(c => new ConversationLookup(c.Id, c.Messages.Any(m => m.ActivityId == activityId), c.Handoff, c.OpenCaseId))
                .FirstOrDefault());

    private static readonly Func<TipBotDbContext, string, string, CancellationToken, Task<ConversationRecord?>> FindConversation =
        EF.CompileAsyncQuery((TipBotDbContext db, string channelId, string key, CancellationToken _) =>
            db.Set<ConversationRecord>().FirstOrDefault(c => c.ChannelId == channelId && c.Key == key));

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TipBot.Transcript.v1");

    public string ConversationKey(string channelId, string conversationId) => pseudonymizer.Pseudonym(channelId + "\n" + conversationId);

    /// <summary>
    /// The conversation as the turn starts: whether this inbound activity was recorded before (a duplicate webhook
    /// delivery) and whether a person has the conversation. <see cref="ConversationLookup.New"/> for a first message.
    /// </summary>
    public async Task<ConversationLookup> LookupAsync(string channelId, string key, string? activityId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Lookup(db, channelId, key, ActivityKey(activityId) ?? "", cancellationToken) ?? ConversationLookup.New;
    }

    /// <summary>Records the inbound message and the bot's replies.</summary>
    public async Task<RecordedTurn> RecordTurnAsync(string channelId, string key, string? activityId, string inboundText, TurnOutcome outcome, CancellationToken cancellationToken)
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
        conversation.SafetySignals = IdList.Merge(conversation.SafetySignals, outcome.Safety.Signals);
        conversation.SafetyRedFlags = IdList.Merge(conversation.SafetyRedFlags, outcome.Safety.RedFlags);

        var score = outcome.Best?.Score;
        var inbound = new MessageRecord
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Inbound,
            Author = MessageAuthor.User,
            ActivityId = ActivityKey(activityId),
            ProtectedText = _protector.Protect(inboundText),
            Language = outcome.Language,
            TopicId = outcome.TopicId,
            Score = score,
            Urgent = outcome.Urgent,
            CreatedAt = now,
        };
        db.Add(inbound);
        var replies = new List<MessageRecord>(outcome.Replies.Count);
        foreach (var reply in outcome.Replies)
        {
            var record = new MessageRecord
            {
                ConversationId = conversation.Id,
                Direction = MessageDirection.Outbound,
                Author = MessageAuthor.Bot,
                ProtectedText = _protector.Protect(reply.Text),
                Language = outcome.Language,
                TopicId = outcome.TopicId,
                CreatedAt = now,
            };
            replies.Add(record);
            db.Add(record);
        }

        // Writers queue here rather than collide in SQLite (see DatabaseWriteGate); held for the write only.
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var messages = new List<RecordedMessage>(replies.Count + 1) { new(inbound.Id, MessageAuthor.User, inboundText, now, outcome.Urgent) };
        messages.AddRange(replies.Select((r, i) => new RecordedMessage(r.Id, MessageAuthor.Bot, outcome.Replies[i].Text, now, false)));
        return new RecordedTurn(conversation.Id, messages);
    }

    /// <summary>Records messages sent outside a turn's own replies: the handoff's notices, an operator's words. Returns their ids.</summary>
    public async Task<IReadOnlyList<MessageRecord>> RecordOutboundAsync(Guid conversationId, string language, IEnumerable<string> texts,
        MessageAuthor author, string? operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var records = texts.Select(text => new MessageRecord
        {
            ConversationId = conversationId,
            Direction = MessageDirection.Outbound,
            Author = author,
            OperatorId = operatorId,
            ProtectedText = _protector.Protect(text),
            Language = language,
            CreatedAt = now,
        }).ToList();
        db.AddRange(records);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return records;
    }

    /// <summary>Ids are stored cut to the column's length, so they are compared cut the same way.</summary>
    private static string? ActivityKey(string? activityId) =>
        string.IsNullOrEmpty(activityId) ? null : activityId[..Math.Min(activityId.Length, 128)];

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}

/// <summary>The conversation as a turn finds it.</summary>
public sealed record ConversationLookup(Guid? Id, bool Duplicate, HandoffStatus Handoff, Guid? OpenCaseId)
{
    public static ConversationLookup New { get; } = new(null, false, HandoffStatus.BotActive, null);

    /// <summary>True while the person waits for or talks to an operator: the bot does not answer topics.</summary>
    public bool WithPerson => OpenCaseId is not null && Handoff is HandoffStatus.Queued or HandoffStatus.WithOperator;
}

/// <summary>What a turn wrote to the transcript, with the text in the clear for the live console (never stored so).</summary>
public sealed record RecordedTurn(Guid ConversationId, IReadOnlyList<RecordedMessage> Messages);

public sealed record RecordedMessage(long Id, MessageAuthor Author, string Text, DateTime At, bool Urgent);
