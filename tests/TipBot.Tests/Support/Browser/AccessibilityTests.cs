using Xunit.Sdk;

namespace TipBot.Tests.Support.Browser;

/// <summary>The accessibility check itself: it must catch what it claims to, or a clean page proves nothing.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_serious_violation_fails_with_its_rule_impact_help_and_selector()
    {
        // Outside ThrowsAsync, so that a missing browser skips instead of looking like a wrong exception.
        browser.RequireBrowser();

        var failure = await Assert.ThrowsAsync<TrueException>(() =>
            CheckAsync("""<img id="logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">"""));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#logo", failure.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public Task A_clean_page_passes() => CheckAsync("<p>Nothing to see here.</p>");

    /// <summary>Checks a page that is otherwise clean (title, language, landmark, heading) around <paramref name="body"/>.</summary>
    private async Task CheckAsync(string body)
    {
        await using var context = await browser.NewContextAsync(Screen.Laptop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync($"""
            <!doctype html><html lang="en"><head><title>Check</title></head>
            <body><main><h1>Check</h1>{body}</main></body></html>
            """);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
