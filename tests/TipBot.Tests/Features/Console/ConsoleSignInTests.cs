using System.Net;
using TipBot.Features.Operators;

namespace TipBot.Tests.Features.Console;

/// <summary>Who gets into the console, and what the browser is told to protect.</summary>
public sealed class ConsoleSignInTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Fact]
    public async Task The_console_sends_an_anonymous_visitor_to_the_sign_in_page()
    {
        using var browser = factory.Browser();

        using var response = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/console/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_API_is_401_for_an_anonymous_caller()
    {
        using var browser = factory.Browser();

        using var response = await browser.GetAsync("/console/api/queue");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_fails_too()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var browser = factory.Browser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SignInAsync(op.Email, "Wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await browser.SignInAsync(op.Email, op.Password);
        var page = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("the account is locked. Try again in 15 minutes", page, StringComparison.Ordinal);
        using var queue = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
    }

    [Fact]
    public async Task A_new_account_must_change_its_password_before_it_sees_the_queue()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator, mustChangePassword: true);
        using var browser = await factory.SignedInAsync(op);

        using var before = await browser.GetAsync("/console");
        using var api = await browser.GetAsync("/console/api/queue");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/console/password", before.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        using var changed = await browser.PostFormAsync("/console/password", new()
        {
            ["current"] = op.Password,
            ["new"] = "A-new-passphrase-77",
            ["confirm"] = "A-new-passphrase-77",
        }, "/console/password");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/console", changed.Headers.Location!.ToString());
        await browser.PageAsync("/console");
    }

    [Fact]
    public async Task An_operator_cannot_open_the_canned_response_editor_but_a_supervisor_can()
    {
        using var operatorBrowser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Operator));
        using var supervisorBrowser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Supervisor));

        using var denied = await operatorBrowser.GetAsync("/console/canned");
        var editor = await supervisorBrowser.PageAsync("/console/canned");

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/console/denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"canned-form\"", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_pages_forbid_inline_scripts_and_framing_and_are_never_cached()
    {
        using var browser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Operator));

        using var response = await browser.GetAsync("/console");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        // Every script is a file, or data that never runs.
        foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>"))
        {
            Assert.True(script.Value.Contains("src=\"/", StringComparison.Ordinal) || script.Value.Contains("type=\"application/json\"", StringComparison.Ordinal), script.Value);
        }
    }

    [Fact]
    public async Task The_vendored_SignalR_client_and_the_console_files_are_served()
    {
        using var browser = factory.Browser();

        foreach (var path in new[] { "/lib/signalr/signalr.min.js", "/console/console.js", "/console/console.css" })
        {
            using var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_language_toggle_shows_the_console_in_Sesotho()
    {
        using var browser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Operator));

        using var toggled = await browser.PostFormAsync("/console/language", new() { ["lang"] = "st", ["returnUrl"] = "/console" }, "/console");
        var queue = await browser.PageAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, toggled.StatusCode);
        Assert.Contains("<html lang=\"st\">", queue, StringComparison.Ordinal);
        Assert.Contains("<h1>Mola</h1>", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_hub_refuses_an_account_that_still_has_its_one_time_password()
    {
        var fresh = await factory.CreateOperatorAsync(OperatorRoles.Operator, mustChangePassword: true);
        var ready = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var freshBrowser = await factory.SignedInAsync(fresh);
        using var readyBrowser = await factory.SignedInAsync(ready);

        using var refused = await freshBrowser.Http.PostAsync(new Uri("/console/hub/negotiate?negotiateVersion=1", UriKind.Relative), null);
        using var allowed = await readyBrowser.Http.PostAsync(new Uri("/console/hub/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
