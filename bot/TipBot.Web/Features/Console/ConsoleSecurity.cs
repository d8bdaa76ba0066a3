using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TipBot.Features.Console;

/// <summary>The console's browser hardening, and the rule that a one-time password is changed before anything else.</summary>
public static class ConsoleSecurity
{
    /// <summary>
    /// Scripts and styles only from files of this site (no inline script, so an injected one cannot run); never in a
    /// frame; no referrer (case URLs carry ids); never cached, since pages show what people in danger wrote.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddHeaders(IApplicationBuilder console) => console.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // What antiforgery sets on pages with a form anyway; the same value everywhere keeps it from warning.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        await next(http);
    });
}

/// <summary>While the account still has its one-time password, every console page except these leads to /console/password.</summary>
public sealed class OneTimePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/Password", "/SignIn", "/SignInCode", "/SignOut", "/Denied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.MustChangePassword() && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.Ordinal))
        {
            context.Result = new RedirectResult(ConsolePaths.Password);
            return;
        }
        await next();
    }
}
