using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>
/// Changing the password; the first thing an account made with a one-time password must do. Afterwards the sign-in
/// cookie is refreshed, so the "must change password" claim goes and the console opens.
/// </summary>
public sealed class PasswordModel(UserManager<OperatorAccount> users, SignInManager<OperatorAccount> signIn, ConsoleText text) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = "";

    [BindProperty]
    public string New { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return LocalRedirect(ConsolePaths.SignIn);
        }
        if (New != Confirm)
        {
            Errors = [text["password.error.mismatch-confirm"]];
            return Page();
        }
        if (New == Current)
        {
            Errors = [text["password.error.same"]];
            return Page();
        }
        var changed = await users.ChangePasswordAsync(user, Current, New);
        if (!changed.Succeeded)
        {
            // Identity's own descriptions are English; the console says the ones it knows in the operator's language.
            Errors = changed.Errors.Select(e => text.Has(Key(e.Code)) ? text[Key(e.Code)] : e.Description).ToList();
            return Page();
        }
        var wasRequired = user.MustChangePassword;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        if (wasRequired)
        {
            return LocalRedirect(ConsolePaths.Queue);
        }
        Done = true;
        return Page();
    }

    private static string Key(string identityCode) => "password.error." + ConsoleText.Kebab(identityCode);
}
