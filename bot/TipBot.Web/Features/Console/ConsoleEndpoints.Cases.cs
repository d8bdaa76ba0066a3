using System.Globalization;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>The actions on one case: accept, reply, note, transfer, release, close, and revealing a callback number.</summary>
public static partial class ConsoleEndpoints
{
    private static async Task<IResult> AcceptAsync(Guid id, HttpContext http, HandoffCaseStore cases, HandoffStateMachine machine, CaseRecordsStore records,
        ConsoleText text, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        if (await cases.FindAsync(id, cancellationToken) is not { } handoffCase)
        {
            return Problem(StatusCodes.Status404NotFound, text["error.not-found"]);
        }
        if (handoffCase is { Status: HandoffStatus.WithOperator } && handoffCase.OperatorId == me)
        {
            return Results.Ok(new { url = ConsolePaths.Case(id) });
        }
        if (!await machine.AcceptAsync(id, me, cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, text["error.taken"]);
        }
        await records.AuditAsync(id, me, AuditActions.Accept, null, cancellationToken);
        return Results.Ok(new { url = ConsolePaths.Case(id) });
    }

    private static async Task<IResult> ReplyAsync(Guid id, TextRequest request, HttpContext http, HandoffCaseStore cases, UserMessenger messenger,
        CaseRecordsStore records, KnowledgeStore knowledge, ConsoleText text, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        if (Invalid(request.Text, text) is { } invalid)
        {
            return invalid;
        }
        var (handoffCase, refused) = await HeldByAsync(id, me, cases, text, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        // The person reads it in their own language's frame, under the operator's display name (never the email).
        var message = knowledge.Current.Strings(handoffCase!.Language)
            .Format("handoff.operator-says", ("name", http.User.DisplayName()), ("text", request.Text!.Trim()));
        var delivered = await messenger.SendAsync(handoffCase, [new BotReply(message)], MessageAuthor.Operator, me, cancellationToken);
        await records.AuditAsync(id, me, AuditActions.Reply, null, cancellationToken);
        return delivered ? Results.NoContent() : Problem(StatusCodes.Status502BadGateway, text["error.not-delivered"]);
    }

    private static async Task<IResult> AddNoteAsync(Guid id, TextRequest request, HttpContext http, HandoffCaseStore cases, CaseRecordsStore records,
        ConsoleText text, TimeProvider time, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        if (Invalid(request.Text, text) is { } invalid)
        {
            return invalid;
        }
        if (await cases.FindAsync(id, cancellationToken) is null)
        {
            return Problem(StatusCodes.Status404NotFound, text["error.not-found"]);
        }
        var note = await records.AddNoteAsync(id, me, request.Text!.Trim(), cancellationToken);
        await records.AuditAsync(id, me, AuditActions.Note, note.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return Results.Ok(new NoteView(note.Id, http.User.DisplayName(), Utc(note.At), text.Time(note.At, time.GetUtcNow().UtcDateTime), request.Text.Trim()));
    }

    private static async Task<IResult> TransferAsync(Guid id, TransferRequest request, HttpContext http, HandoffStateMachine machine, OperatorDirectory operators,
        CaseRecordsStore records, ConsoleText text, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        var to = request.OperatorId;
        if (string.IsNullOrEmpty(to) || to == me || (await operators.AllAsync(cancellationToken)).All(o => o.Id != to))
        {
            return Problem(StatusCodes.Status400BadRequest, text["error.unknown-operator"]);
        }
        // A supervisor may move anyone's case; an operator only their own.
        if (!await machine.TransferAsync(id, http.User.IsSupervisor() ? null : me, to, cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, text["error.changed"]);
        }
        await records.AuditAsync(id, me, AuditActions.Transfer, to, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ReleaseAsync(Guid id, OutcomeRequest request, HttpContext http, HandoffCaseStore cases, HandoffStateMachine machine,
        CaseRecordsStore records, ConsoleText text, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        var (_, refused) = await HeldByAsync(id, me, cases, text, cancellationToken);
        return refused ?? await EndAsync(id, me, request.Outcome, AuditActions.Release,
            outcome => machine.ReleaseAsync(id, me, outcome, cancellationToken), records, text, cancellationToken);
    }

    private static Task<IResult> CloseAsync(Guid id, OutcomeRequest request, HttpContext http, HandoffStateMachine machine, CaseRecordsStore records,
        ConsoleText text, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        return EndAsync(id, me, request.Outcome, AuditActions.Close, outcome => machine.CloseAsync(id, me, outcome, cancellationToken), records, text, cancellationToken);
    }

    /// <summary>Release and close: an outcome the console offers, the transition (false when the case moved meanwhile), the audit.</summary>
    private static async Task<IResult> EndAsync(Guid id, string me, string? outcome, string action, Func<string, Task<bool>> transition, CaseRecordsStore records,
        ConsoleText text, CancellationToken cancellationToken)
    {
        if (!IsChoosable(outcome))
        {
            return Problem(StatusCodes.Status400BadRequest, text["error.outcome"]);
        }
        if (!await transition(outcome!))
        {
            return Problem(StatusCodes.Status409Conflict, text["error.changed"]);
        }
        await records.AuditAsync(id, me, action, outcome, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>The case, when <paramref name="me"/> has it now; otherwise the problem to answer (404, or 403).</summary>
    private static async Task<(HandoffCase? Case, IResult? Refused)> HeldByAsync(Guid id, string me, HandoffCaseStore cases, ConsoleText text,
        CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(id, cancellationToken) is not { } handoffCase)
        {
            return (null, Problem(StatusCodes.Status404NotFound, text["error.not-found"]));
        }
        return handoffCase.Status == HandoffStatus.WithOperator && handoffCase.OperatorId == me
            ? (handoffCase, null)
            : (null, Problem(StatusCodes.Status403Forbidden, text["error.not-yours"]));
    }

    private static async Task<IResult> CallbackNumberAsync(Guid id, HttpContext http, HandoffCaseStore cases, CaseRecordsStore records, ConsoleText text,
        CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(id, cancellationToken) is not { } handoffCase || cases.CallbackNumber(handoffCase) is not { } number)
        {
            return Problem(StatusCodes.Status404NotFound, text["error.no-number"]);
        }
        await records.AuditAsync(id, http.User.OperatorId(), AuditActions.ViewCallbackNumber, null, cancellationToken);
        return Results.Ok(new { number });
    }

    private static async Task<IResult> AuditTrailAsync(Guid id, CaseRecordsStore records, OperatorDirectory operators, ConsoleText text, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var trail = new List<AuditView>();
        foreach (var entry in await records.AuditTrailAsync(id, cancellationToken))
        {
            trail.Add(new AuditView(Utc(entry.At), text.Time(entry.At, now), await operators.DisplayNameAsync(entry.OperatorId, cancellationToken),
                entry.Action, text.AuditAction(entry.Action), entry.Detail));
        }
        return Results.Ok(trail);
    }
}
