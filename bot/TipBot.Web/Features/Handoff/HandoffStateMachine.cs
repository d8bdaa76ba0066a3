using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Conversations;
using TipBot.Persistence;

namespace TipBot.Features.Handoff;

public enum HandoffAction { Request, Accept, Release, Transfer, Expire, Fail, Leave, Close, Escalate }

/// <summary>What a new case starts from: the conversation, why, and how to reach the person again.</summary>
public sealed record HandoffRequest(Guid ConversationId, string ChannelId, string Language, HumanPriority Priority, HandoffReason Reason, string ProtectedReference)
{
    public bool Callback { get; init; }
}

/// <summary>
/// The one place where a case changes status. Every change is a conditional update ("where the status is still
/// what I read"), so two operators accepting at once, or an operator accepting while the expiry job expires, end
/// with exactly one winner on SQLite and PostgreSQL alike. The conversation row mirrors the open case, so the turn
/// learns whether a person has the conversation from the lookup it already makes.
/// </summary>
public sealed partial class HandoffStateMachine(
    IDbContextFactory<TipBotDbContext> contexts,
    IEnumerable<IHandoffListener> handlers,
    TimeProvider time,
    ILogger<HandoffStateMachine> logger)
{
    private static readonly FrozenDictionary<(HandoffStatus From, HandoffAction Action), HandoffStatus> Transitions =
        new Dictionary<(HandoffStatus, HandoffAction), HandoffStatus>
        {
            [(HandoffStatus.BotActive, HandoffAction.Request)] = HandoffStatus.Queued,
            [(HandoffStatus.Released, HandoffAction.Request)] = HandoffStatus.Queued,
            [(HandoffStatus.Closed, HandoffAction.Request)] = HandoffStatus.Queued,
            [(HandoffStatus.Expired, HandoffAction.Request)] = HandoffStatus.Queued,
            [(HandoffStatus.Queued, HandoffAction.Accept)] = HandoffStatus.WithOperator,
            // An operator follows up an expired request (a callback).
            [(HandoffStatus.Expired, HandoffAction.Accept)] = HandoffStatus.WithOperator,
            [(HandoffStatus.Queued, HandoffAction.Escalate)] = HandoffStatus.Queued,
            [(HandoffStatus.WithOperator, HandoffAction.Escalate)] = HandoffStatus.WithOperator,
            [(HandoffStatus.Expired, HandoffAction.Escalate)] = HandoffStatus.Expired,
            [(HandoffStatus.WithOperator, HandoffAction.Transfer)] = HandoffStatus.WithOperator,
            [(HandoffStatus.WithOperator, HandoffAction.Release)] = HandoffStatus.Released,
            [(HandoffStatus.Queued, HandoffAction.Expire)] = HandoffStatus.Expired,
            [(HandoffStatus.Queued, HandoffAction.Fail)] = HandoffStatus.Expired,
            [(HandoffStatus.WithOperator, HandoffAction.Fail)] = HandoffStatus.Expired,
            [(HandoffStatus.Queued, HandoffAction.Leave)] = HandoffStatus.Closed,
            [(HandoffStatus.Expired, HandoffAction.Close)] = HandoffStatus.Closed,
            [(HandoffStatus.Released, HandoffAction.Close)] = HandoffStatus.Closed,
        }.ToFrozenDictionary();

    // Runs on every urgent turn: compiled once rather than looked up in EF's query cache each time.
    private static readonly Func<TipBotDbContext, Guid, CancellationToken, Task<HandoffCase?>> OpenCase =
        EF.CompileAsyncQuery((TipBotDbContext db, Guid conversationId, CancellationToken _) =>
            db.Set<HandoffCase>().AsNoTracking()
                .Where(c => c.ConversationId == conversationId && (c.Status == HandoffStatus.Queued || c.Status == HandoffStatus.WithOperator))
                .OrderByDescending(c => c.RequestedAt).FirstOrDefault());

    /// <summary>The status <paramref name="action"/> leads to from <paramref name="from"/>, or null when it is not allowed.</summary>
    public static HandoffStatus? Next(HandoffStatus from, HandoffAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>True while a person, not the bot, answers this case's conversation.</summary>
    public static bool HoldsConversation(HandoffStatus status, bool callback) =>
        status == HandoffStatus.WithOperator || (status == HandoffStatus.Queued && !callback);

    /// <summary>
    /// Opens a case, or, when the conversation already has one open, raises its priority if this request is more
    /// urgent and returns it. Returns the case as it now is.
    /// </summary>
    public async Task<HandoffCase> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        // One connection for the check and the insert: this runs inside every urgent turn.
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        var open = await OpenCase(db, request.ConversationId, cancellationToken);
        if (open is not null)
        {
            if (request.Priority > open.Priority && await EscalateAsync(open.Id, cancellationToken))
            {
                open.Priority = request.Priority;
            }
            return open;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = new HandoffCase
        {
            Id = Guid.CreateVersion7(),
            ConversationId = request.ConversationId,
            ChannelId = request.ChannelId,
            Language = request.Language,
            Status = HandoffStatus.Queued,
            Priority = request.Priority,
            Reason = request.Reason,
            Callback = request.Callback,
            ProtectedReference = request.ProtectedReference,
            RequestedAt = now,
        };
        using (await DatabaseWriteGate.EnterAsync(contexts, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A statement rather than EF's change tracker: this runs inside every urgent turn (SaveChanges' overhead was
            // most of the insert's ~1.3 ms in the eval). Enums by name, as the entity's conversions store them.
            var (status, priority, reason) = (created.Status.ToString(), created.Priority.ToString(), created.Reason.ToString());
            // The case and the conversation's mirror of it in one round trip where the provider batches.
            await SqlStatement.BatchAsync(db, [new Statement("""
                INSERT INTO handoff_cases ("Id", "ConversationId", "ChannelId", "Language", "Status", "Priority", "Reason", "Callback", "ProtectedReference", "RequestedAt")
                VALUES (@id, @conversation, @channel, @language, @status, @priority, @reason, @callback, @reference, @at)
                """, ("@id", created.Id), ("@conversation", created.ConversationId), ("@channel", created.ChannelId),
                ("@language", created.Language), ("@status", status), ("@priority", priority), ("@reason", reason), ("@callback", created.Callback),
                ("@reference", created.ProtectedReference), ("@at", created.RequestedAt)),
                Mirror(created.ConversationId, created.Id, created.Status, created.Callback)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RaiseAsync(new HandoffEvent(HandoffEvent.Requested, created.Id, created.ConversationId, HandoffStatus.BotActive, HandoffStatus.Queued, created.Priority, null, now), cancellationToken);
        return created;
    }

    /// <summary>Gives a queued (or expired) case to an operator. False when someone else got there first.</summary>
    public Task<bool> AcceptAsync(Guid caseId, string operatorId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Accept, operatorId, outcome: null, expectedOperatorId: null, cancellationToken);

    /// <summary>Hands the conversation back to the bot. Only the operator who has it can.</summary>
    public Task<bool> ReleaseAsync(Guid caseId, string operatorId, string outcome, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Release, operatorId, outcome, expectedOperatorId: operatorId, cancellationToken);

    /// <summary>Gives the case to another operator. <paramref name="fromOperatorId"/> null lets a supervisor move anyone's case.</summary>
    public Task<bool> TransferAsync(Guid caseId, string? fromOperatorId, string toOperatorId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Transfer, toOperatorId, outcome: null, expectedOperatorId: fromOperatorId, cancellationToken);

    public Task<bool> ExpireAsync(Guid caseId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Expire, operatorId: null, outcome: null, expectedOperatorId: null, cancellationToken);

    /// <summary>The external agent hub said it cannot take the case.</summary>
    public Task<bool> FailAsync(Guid caseId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Fail, operatorId: null, outcome: null, expectedOperatorId: null, cancellationToken);

    /// <summary>The person left the queue ("bot", "cancel", "emisa").</summary>
    public Task<bool> LeaveAsync(Guid caseId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Leave, operatorId: null, HandoffOutcomes.UserLeftQueue, expectedOperatorId: null, cancellationToken);

    /// <summary>A supervisor or operator closes an expired or released case after following it up.</summary>
    public Task<bool> CloseAsync(Guid caseId, string operatorId, string outcome, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Close, operatorId, outcome, expectedOperatorId: null, cancellationToken);

    /// <summary>The safety check found danger in a conversation that already has a case: it becomes urgent.</summary>
    public Task<bool> EscalateAsync(Guid caseId, CancellationToken cancellationToken) =>
        MoveAsync(caseId, HandoffAction.Escalate, operatorId: null, outcome: null, expectedOperatorId: null, cancellationToken);

    private async Task<bool> MoveAsync(Guid caseId, HandoffAction action, string? operatorId, string? outcome, string? expectedOperatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Set<HandoffCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (current is null || Next(current.Status, action) is not { } to)
        {
            return false;
        }
        if (expectedOperatorId is not null && current.OperatorId != expectedOperatorId)
        {
            return false;
        }
        var from = current.Status;
        var now = time.GetUtcNow().UtcDateTime;
        var priority = action == HandoffAction.Escalate ? HumanPriority.Urgent : current.Priority;
        if (action == HandoffAction.Escalate && current.Priority == HumanPriority.Urgent)
        {
            return false;
        }

        using (await DatabaseWriteGate.EnterAsync(contexts, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Set<HandoffCase>()
                .Where(c => c.Id == caseId && c.Status == from && c.OperatorId == current.OperatorId && c.Priority == current.Priority)
                .ExecuteUpdateAsync(set =>
                {
                    set.SetProperty(c => c.Status, to);
                    set.SetProperty(c => c.Priority, priority);
                    if (action is HandoffAction.Accept or HandoffAction.Transfer)
                    {
                        set.SetProperty(c => c.OperatorId, operatorId);
                    }
                    if (action == HandoffAction.Accept)
                    {
                        set.SetProperty(c => c.AcceptedAt, now);
                    }
                    if (to is HandoffStatus.Released or HandoffStatus.Expired or HandoffStatus.Closed && from != to)
                    {
                        set.SetProperty(c => c.EndedAt, now);
                    }
                    if (outcome is not null)
                    {
                        set.SetProperty(c => c.Outcome, outcome);
                    }
                }, cancellationToken);
            if (changed == 0)
            {
                return false;
            }
            await SqlStatement.BatchAsync(db, [Mirror(current.ConversationId, caseId, to, current.Callback)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var eventOperator = action is HandoffAction.Accept or HandoffAction.Transfer ? operatorId : current.OperatorId;
        await RaiseAsync(new HandoffEvent(EventName(action), caseId, current.ConversationId, from, to, priority, eventOperator, now), cancellationToken);
        return true;
    }

    /// <summary>
    /// Keeps the conversation row pointing at the case that holds it, or at none; inside the transaction that moves the
    /// case. Statuses are stored by name, as the entity's conversion does.
    /// </summary>
    private static Statement Mirror(Guid conversationId, Guid caseId, HandoffStatus status, bool callback) =>
        HoldsConversation(status, callback)
            ? new("""UPDATE conversations SET "Handoff" = @status, "OpenCaseId" = @case WHERE "Id" = @conversation""",
                ("@status", status.ToString()), ("@case", caseId), ("@conversation", conversationId))
            : new("""UPDATE conversations SET "Handoff" = @status, "OpenCaseId" = NULL WHERE "Id" = @conversation AND "OpenCaseId" = @case""",
                ("@status", nameof(HandoffStatus.BotActive)), ("@case", caseId), ("@conversation", conversationId));

    private static string EventName(HandoffAction action) => action switch
    {
        HandoffAction.Request => HandoffEvent.Requested,
        HandoffAction.Accept => HandoffEvent.Accepted,
        HandoffAction.Release => HandoffEvent.Released,
        HandoffAction.Transfer => HandoffEvent.Transferred,
        HandoffAction.Expire => HandoffEvent.Expired,
        HandoffAction.Fail => HandoffEvent.Failed,
        HandoffAction.Escalate => HandoffEvent.Escalated,
        HandoffAction.Leave or HandoffAction.Close => HandoffEvent.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private async Task RaiseAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        LogEvent(logger, handoffEvent.Name, handoffEvent.CaseId, handoffEvent.Priority);
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(handoffEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(logger, exception, handler.GetType().Name, handoffEvent.Name, handoffEvent.CaseId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventName} case {CaseId} priority {Priority}")]
    private static partial void LogEvent(ILogger logger, string eventName, Guid caseId, HumanPriority priority);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {EventName} for case {CaseId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string eventName, Guid caseId);
}
