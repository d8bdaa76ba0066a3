using System.Globalization;
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
    // ActivityId on every turn. It also brings the handoff status and the safety signals so far, so a turn needs no second
    // query to know whether a person has the conversation or to record its own signals beside the earlier ones.
    private static readonly Func<TipBotDbContext, string, string, string, CancellationToken, Task<ConversationLookup?>> Lookup =
        EF.CompileAsyncQuery((TipBotDbContext db, string channelId, string key, string activityId, CancellationToken _) =>
            db.Set<ConversationRecord>().Where(c => c.ChannelId == channelId && c.Key == key)
                .Select(c => new ConversationLookup(c.Id, c.Messages.Any(m => m.ActivityId == activityId), c.Handoff, c.OpenCaseId)
                {
                    SafetySignals = c.SafetySignals,
                    SafetyRedFlags = c.SafetyRedFlags,
                })
                .FirstOrDefault());

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TipBot.Transcript.v1");

    public string ConversationKey(string channelId, string conversationId) => pseudonymizer.Pseudonym(channelId + "\n" + conversationId);

    /// <summary>
    /// The conversation as the turn starts: whether this inbound activity was recorded before (a duplicate webhook
    /// delivery) and whether a person has the conversation. <see cref="ConversationLookup.New"/> for a first message.
    /// </summary>
    public async Task<ConversationLookup> LookupAsync(string channelId, string key, string? activityId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LookupAsync(db, channelId, key, activityId, cancellationToken);
    }

    /// <summary><see cref="LookupAsync(string, string, string?, CancellationToken)"/> on the turn's context.</summary>
    public async Task<ConversationLookup> LookupAsync(TipBotDbContext db, string channelId, string key, string? activityId, CancellationToken cancellationToken) =>
        await Lookup(db, channelId, key, ActivityKey(activityId) ?? "", cancellationToken) ?? ConversationLookup.New;

    /// <summary>
    /// Records the inbound message and the bot's replies. Written as SQL statements in one transaction rather than
    /// through EF's change tracker: on every turn, SaveChanges' tracking, command batching and key propagation cost
    /// more than the writes themselves (measured in the eval: 1.4 ms of a ~2 ms record), and EF's SqlQuery then another
    /// ~0.4 ms (see <see cref="SqlStatement"/>). The rows are the same.
    /// </summary>
    /// <param name="db">The turn's context, its connection open (the read and the writes share it).</param>
    /// <param name="before">The conversation as <see cref="LookupAsync(TipBotDbContext, string, string, string?, CancellationToken)"/> found it at the turn's start.</param>
    public async Task<RecordedTurn> RecordTurnAsync(TipBotDbContext db, ConversationLookup before, string channelId, string key, string? activityId, string inboundText,
        TurnOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var conversationId = before.Id ?? Guid.CreateVersion7();
        var inbound = Message(MessageDirection.Inbound, MessageAuthor.User, inboundText, outcome.Language, outcome.TopicId, now) with
        {
            ActivityId = ActivityKey(activityId),
            Score = outcome.Best?.Score,
            Urgent = outcome.Urgent,
        };
        var replies = outcome.Replies.Select(r => Message(MessageDirection.Outbound, MessageAuthor.Bot, r.Text, outcome.Language, outcome.TopicId, now)).ToList();

        // Writers queue here rather than collide in SQLite (see DatabaseWriteGate); held for the write only.
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // An upsert that returns the stored id: a first message racing another of the same conversation joins it.
        var upsert = new Statement("""
            INSERT INTO conversations ("Id", "ChannelId", "Key", "Language", "StartedAt", "LastMessageAt", "Handoff")
            VALUES (@id, @channel, @key, @language, @now, @now, @handoff)
            ON CONFLICT ("ChannelId", "Key") DO UPDATE SET "LastMessageAt" = excluded."LastMessageAt", "Language" = excluded."Language"
            RETURNING "Id"
            """, ("@id", conversationId), ("@channel", channelId), ("@key", key), ("@language", outcome.Language), ("@now", now),
            ("@handoff", nameof(HandoffStatus.BotActive)));
        var statements = new List<Statement>(replies.Count + 2);
        if (before.Id is null)
        {
            // The id is only known once stored (a racing first message may have stored the conversation first).
            conversationId = SqlStatement.AsGuid((await SqlStatement.BatchAsync(db, [upsert], cancellationToken))[0].First);
        }
        else
        {
            // Known: the upsert and the messages go together (one round trip on PostgreSQL).
            statements.Add(upsert);
        }
        statements.Add(Insert(conversationId, inbound));
        statements.AddRange(replies.Select(reply => Insert(conversationId, reply)));
        IdList.AddAppends(statements, conversationId, IdList.SafetySignalsColumn, before.SafetySignals, outcome.Safety.Signals);
        IdList.AddAppends(statements, conversationId, IdList.SafetyRedFlagsColumn, before.SafetyRedFlags, outcome.Safety.RedFlags);
        var results = await SqlStatement.BatchAsync(db, statements, cancellationToken);
        var ids = results.Skip(before.Id is null ? 0 : 1).Take(replies.Count + 1).Select(result => Convert.ToInt64(result.First, CultureInfo.InvariantCulture)).ToList();
        var messages = new List<RecordedMessage>(ids.Count) { new(ids[0], MessageAuthor.User, inboundText, now, outcome.Urgent) };
        for (var i = 0; i < replies.Count; i++)
        {
            messages.Add(new(ids[i + 1], MessageAuthor.Bot, outcome.Replies[i].Text, now, false));
        }
        await transaction.CommitAsync(cancellationToken);
        return new RecordedTurn(conversationId, messages);
    }

    private NewMessage Message(MessageDirection direction, MessageAuthor author, string text, string? language, string? topicId, DateTime now) =>
        new(direction.ToString(), author.ToString(), _protector.Protect(text), language, topicId, now);

    private static Statement Insert(Guid conversationId, NewMessage m) => new("""
        INSERT INTO messages ("ConversationId", "Direction", "Author", "OperatorId", "ActivityId", "ProtectedText", "Language", "TopicId", "Score", "Urgent", "CreatedAt")
        VALUES (@conversation, @direction, @author, @operator, @activity, @text, @language, @topic, @score, @urgent, @at)
        RETURNING "Id"
        """, ("@conversation", conversationId), ("@direction", m.Direction), ("@author", m.Author), ("@operator", m.OperatorId),
        ("@activity", m.ActivityId), ("@text", m.ProtectedText), ("@language", m.Language), ("@topic", m.TopicId), ("@score", m.Score),
        ("@urgent", m.Urgent), ("@at", m.CreatedAt));

    /// <summary>A message row as the SQL above writes it (enums by name, as EF's conversions store them).</summary>
    private sealed record NewMessage(string Direction, string Author, string ProtectedText, string? Language, string? TopicId, DateTime CreatedAt)
    {
        public string? OperatorId { get; init; }
        public string? ActivityId { get; init; }
        public float? Score { get; init; }
        public bool Urgent { get; init; }
    }

    /// <summary>Records messages sent outside a turn's own replies: the handoff's notices, an operator's words.</summary>
    public async Task<IReadOnlyList<RecordedMessage>> RecordOutboundAsync(Guid conversationId, string language, IEnumerable<string> texts,
        MessageAuthor author, string? operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = texts.Select(text => (Text: text, Row: Message(MessageDirection.Outbound, author, text, language, null, now) with { OperatorId = operatorId })).ToList();
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = await SqlStatement.BatchAsync(db, rows.Select(row => Insert(conversationId, row.Row)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Select((row, i) => new RecordedMessage(Convert.ToInt64(results[i].First, CultureInfo.InvariantCulture), author, row.Text, now, false)).ToList();
    }

    /// <summary>Ids are stored cut to the column's length, so they are compared cut the same way.</summary>
    private static string? ActivityKey(string? activityId) =>
        string.IsNullOrEmpty(activityId) ? null : activityId[..Math.Min(activityId.Length, 128)];

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}

/// <summary>The conversation as a turn finds it.</summary>
public sealed record ConversationLookup(Guid? Id, bool Duplicate, HandoffStatus Handoff, Guid? OpenCaseId)
{
    /// <summary>The conversation's safety signals and red flags so far (comma-separated ids), which the turn's record adds to.</summary>
    public string? SafetySignals { get; init; }

    public string? SafetyRedFlags { get; init; }

    public static ConversationLookup New { get; } = new(null, false, HandoffStatus.BotActive, null);

    /// <summary>True while the person waits for or talks to an operator: the bot does not answer topics.</summary>
    public bool WithPerson => OpenCaseId is not null && Handoff is HandoffStatus.Queued or HandoffStatus.WithOperator;
}

/// <summary>What a turn wrote to the transcript, with the text in the clear for the live console (never stored so).</summary>
public sealed record RecordedTurn(Guid ConversationId, IReadOnlyList<RecordedMessage> Messages);

public sealed record RecordedMessage(long Id, MessageAuthor Author, string Text, DateTime At, bool Urgent);
