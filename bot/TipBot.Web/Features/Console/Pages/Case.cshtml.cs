using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>
/// One case: who the person is (a pseudonym), what they wrote, and what the operator may do now. Every load of the
/// page is audited. The live handlers re-render parts of it for the script, without auditing each refresh again.
/// </summary>
public sealed class CaseModel(
    CaseReader reader,
    CaseRecordsStore records,
    CannedResponseStore canned,
    HandoffCaseStore cases,
    OperatorDirectory operators,
    ConsoleText text,
    TimeProvider time) : PageModel
{
    public sealed record NoteLine(long Id, string Author, DateTime At, string Text);

    public sealed record AuditLine(DateTime At, string OperatorName, string Action, string Detail);

    /// <summary>Empty lines the page renders into templates for the script to copy.</summary>
    public static TranscriptLine BlankLine { get; } = new(0, Guid.Empty, MessageAuthor.User, null, "", DateTime.UnixEpoch, false);

    public static NoteLine BlankNote { get; } = new(0, "", DateTime.UnixEpoch, "");

    public CaseSummary Case { get; private set; } = null!;
    public IReadOnlyList<TranscriptLine> Lines { get; private set; } = [];
    public IReadOnlyList<NoteLine> Notes { get; private set; } = [];
    public IReadOnlyList<(string Title, string Text)> Canned { get; private set; } = [];
    public IReadOnlyList<(string Id, string DisplayName)> TransferTargets { get; private set; } = [];
    public IReadOnlyList<AuditLine>? Audit { get; private set; }
    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

    public bool Supervisor => User.IsSupervisor();
    public bool Mine => Case.Status == HandoffStatus.WithOperator && Case.OperatorId == User.OperatorId();
    public bool CanAccept => HandoffStateMachine.Next(Case.Status, HandoffAction.Accept) is not null;
    public bool CanTransfer => Case.Status == HandoffStatus.WithOperator && (Mine || Supervisor);
    public bool CanClose => Supervisor && HandoffStateMachine.Next(Case.Status, HandoffAction.Close) is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await records.AuditAsync(id, User.OperatorId(), AuditActions.View, null, cancellationToken);
        Lines = await TranscriptAsync(id, after: 0, cancellationToken);
        var notes = new List<NoteLine>();
        foreach (var (note, noteText) in await records.NotesAsync(id, cancellationToken))
        {
            notes.Add(new NoteLine(note.Id, await operators.DisplayNameAsync(note.OperatorId, cancellationToken), note.At, noteText));
        }
        Notes = notes;
        if (Supervisor)
        {
            Audit = await AuditAsync(id, cancellationToken);
        }
        return Page();
    }

    /// <summary>The header, actions and reply box as they are now: the script swaps them in when the case changes.</summary>
    public async Task<IActionResult> OnGetLiveAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_CaseLive", this) : NotFound();

    /// <summary>Transcript lines after <paramref name="after"/>: what a console missed while its connection was down.</summary>
    public async Task<IActionResult> OnGetLinesAsync(Guid id, long after, CancellationToken cancellationToken)
    {
        Lines = await TranscriptAsync(id, after, cancellationToken);
        return Partial("_TranscriptLines", this);
    }

    /// <summary>The transcript with the callback number hidden where the person typed it: it is shown only on request, audited.</summary>
    private async Task<IReadOnlyList<TranscriptLine>> TranscriptAsync(Guid id, long after, CancellationToken cancellationToken)
    {
        var lines = (await reader.TranscriptAsync(id, cancellationToken)).Where(l => l.Id > after);
        if (await cases.FindAsync(id, cancellationToken) is { } handoffCase && cases.CallbackNumber(handoffCase) is { } number)
        {
            var hidden = text["case.number-hidden"];
            lines = lines.Select(l => l.Author == MessageAuthor.User ? l with { Text = PhoneNumbers.Hide(l.Text, number, hidden) } : l);
        }
        return lines.ToList();
    }

    public string Time(DateTime at) => text.Time(at, Now);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return false;
        }
        Case = summary;
        if (Mine)
        {
            var name = User.DisplayName();
            Canned = (await canned.ListAsync(summary.Language, cancellationToken)).Select(c => (c.Title, canned.Render(c, name))).ToList();
        }
        if (CanTransfer)
        {
            var me = User.OperatorId();
            TransferTargets = (await operators.AllAsync(cancellationToken)).Where(o => o.Id != me && o.Id != summary.OperatorId).ToList();
        }
        return true;
    }

    private async Task<IReadOnlyList<AuditLine>> AuditAsync(Guid id, CancellationToken cancellationToken)
    {
        var lines = new List<AuditLine>();
        foreach (var entry in await records.AuditTrailAsync(id, cancellationToken))
        {
            // Details are ids; show what they stand for.
            var detail = entry.Action switch
            {
                AuditActions.Transfer => await operators.DisplayNameAsync(entry.Detail, cancellationToken),
                AuditActions.Release or AuditActions.Close => text.Outcome(entry.Detail),
                AuditActions.Note => "#" + entry.Detail,
                _ => entry.Detail ?? "",
            };
            lines.Add(new AuditLine(entry.At, await operators.DisplayNameAsync(entry.OperatorId, cancellationToken), text.AuditAction(entry.Action), detail));
        }
        return lines;
    }

    public static string Iso(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);
}
