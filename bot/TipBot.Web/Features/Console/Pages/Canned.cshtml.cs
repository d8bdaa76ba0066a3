using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>Supervisors keep the ready-made replies: list, add, edit, delete, per language, with a history of who changed what.</summary>
public sealed class CannedModel(CannedResponseStore store, OperatorDirectory operators, ConsoleText text, TimeProvider time) : PageModel
{
    [BindProperty]
    public string Language { get; set; } = ConsoleText.Languages[0];

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string Text { get; set; } = "";

    public CannedResponse? Editing { get; private set; }
    public IReadOnlyList<CannedResponse> Responses { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The latest changes, newest first, with the operator's display name and the time as the console shows it.</summary>
    public IReadOnlyList<(CannedResponseChange Change, string Operator, string When)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        if (edit is { } id)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } found)
            {
                return NotFound();
            }
            Editing = found;
            (Language, Title, Text) = (found.Language, found.Title, found.Text);
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (Validate())
        {
            await store.AddAsync(User.OperatorId(), Language, Title, Text, cancellationToken);
            return Saved();
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken cancellationToken)
    {
        if (Validate())
        {
            return await store.UpdateAsync(id, User.OperatorId(), Language, Title, Text, cancellationToken) ? Saved() : NotFound();
        }
        Editing = await store.FindAsync(id, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(id, User.OperatorId(), cancellationToken);
        return Saved();
    }

    private IActionResult Saved() => LocalRedirect(ConsolePaths.Canned);

    private bool Validate()
    {
        var errors = new List<string>();
        if (!ConsoleText.Languages.Contains(Language))
        {
            errors.Add(text["canned.error-language"]);
        }
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > CannedResponseStore.MaxTitleLength)
        {
            errors.Add(text["canned.error-title"]);
        }
        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > CannedResponseStore.MaxTextLength)
        {
            errors.Add(text["canned.error-text"]);
        }
        else if (store.UnshowableContacts(Text) is { Count: > 0 } contacts)
        {
            errors.Add(text.Format("canned.error-contact", ("keys", string.Join(", ", contacts))));
        }
        else if (CannedResponseStore.HasTypedNumber(Text))
        {
            errors.Add(text["canned.error-number"]);
        }
        Errors = errors;
        return errors.Count == 0;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Responses = await store.ListAsync(null, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var history = new List<(CannedResponseChange, string, string)>();
        foreach (var change in await store.HistoryAsync(cancellationToken))
        {
            history.Add((change, await operators.DisplayNameAsync(change.OperatorId, cancellationToken), text.Time(change.At, now)));
        }
        History = history;
        return Page();
    }
}
