using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>Email and password; five wrong passwords lock the account (OperatorsServiceCollectionExtensions), and the page says for how long.</summary>
public sealed class SignInModel(SignInManager<OperatorAccount> signIn, UserManager<OperatorAccount> users, ConsoleText text, TimeProvider time)
    : SignInStepModel(users, text, time)
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(ConsolePaths.Local(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await Users.FindByEmailAsync(Email.Trim());
        if (user is null || string.IsNullOrEmpty(Password))
        {
            Error = Text["signin.failed"];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return LocalRedirect(ConsolePaths.SignInCode + "?returnUrl=" + Uri.EscapeDataString(ConsolePaths.Local(ReturnUrl)));
        }
        return await AfterAsync(result, user, "signin.failed");
    }
}
