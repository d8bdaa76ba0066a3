using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipBot.Features.Operators;

namespace TipBot.Features.Console.Pages;

/// <summary>Signing out is a POST (antiforgery-checked), so no link or image on another site can sign an operator out.</summary>
public sealed class SignOutModel(SignInManager<OperatorAccount> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(ConsolePaths.SignIn);
    }
}
