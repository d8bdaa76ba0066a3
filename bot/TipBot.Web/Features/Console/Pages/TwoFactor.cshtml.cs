using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>
/// Turns on sign-in codes from an authenticator app (TOTP): the shared key (to type) and the otpauth:// address (for
/// apps that take one), then a code to prove the app has it. The account is labelled with the display name, so the
/// console never prints an email.
/// </summary>
public sealed class TwoFactorModel(UserManager<OperatorAccount> users, SignInManager<OperatorAccount> signIn, ConsoleText text) : PageModel
{
    private const string Issuer = "TipBot";

    [BindProperty]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : LocalRedirect(ConsolePaths.SignIn);

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return LocalRedirect(ConsolePaths.SignIn);
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = text["two-factor.failed"];
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        Message = text["two-factor.enabled"];
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return LocalRedirect(ConsolePaths.SignIn);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = text["two-factor.disabled"];
        return await ShowAsync(user);
    }

    private async Task<IActionResult> ShowAsync(OperatorAccount user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return Page();
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp; without a fresh cookie the operator would be signed out later.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Grouped(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.DisplayName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return Page();
    }

    /// <summary>"abcd efgh ijkl …": easier to type into a phone.</summary>
    internal static string Grouped(string key)
    {
        var grouped = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
