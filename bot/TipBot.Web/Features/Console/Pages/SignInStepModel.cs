using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>What the two sign-in steps share: where to go afterwards, and how a failure or a lockout is said.</summary>
public abstract class SignInStepModel(UserManager<OperatorAccount> users, ConsoleText text, TimeProvider time) : PageModel
{
    protected UserManager<OperatorAccount> Users => users;
    protected ConsoleText Text => text;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; protected set; }

    protected async Task<IActionResult> AfterAsync(Microsoft.AspNetCore.Identity.SignInResult result, OperatorAccount user, string failedKey)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(ConsolePaths.Local(ReturnUrl));
        }
        Error = result.IsLockedOut ? LockedOut(await users.GetLockoutEndDateAsync(user)) : text[failedKey];
        return Page();
    }

    /// <summary>"Locked out: try again in N minutes", counted up so it never says 0.</summary>
    private string LockedOut(DateTimeOffset? end)
    {
        var minutes = end is { } until ? Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalMinutes)) : 1;
        return text.Format("signin.locked-out", ("minutes", minutes.ToString(CultureInfo.InvariantCulture)));
    }
}
