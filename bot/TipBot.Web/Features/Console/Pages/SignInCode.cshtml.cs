using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>The second step for accounts with an authenticator app: the six-digit code.</summary>
public sealed class SignInCodeModel(SignInManager<OperatorAccount> signIn, UserManager<OperatorAccount> users, ConsoleText text, TimeProvider time)
    : SignInStepModel(users, text, time)
{
    [BindProperty]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(ConsolePaths.SignIn) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect(ConsolePaths.SignIn);
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await AfterAsync(result, user, "signin-code.failed");
    }
}
