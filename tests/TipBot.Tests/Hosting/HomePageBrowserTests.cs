using Microsoft.Playwright;
using TipBot.Tests.Support.Browser;

namespace TipBot.Tests.Hosting;

[Collection(BrowserFixture.Collection)]
public sealed class HomePageBrowserTests(BrowserFixture browser, KestrelTipBotFactory host) : IClassFixture<KestrelTipBotFactory>
{
    [SkippableTheory, EveryScreen]
    public async Task The_home_page_renders_with_its_heading_visible(Screen screen)
    {
        await using var tab = await browser.OpenAsync(host, "/", screen);

        Assert.Equal(200, tab.Response?.Status);
        Assert.Equal("TipBot", await tab.Page.TitleAsync());
        var heading = tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        Assert.True(await heading.IsVisibleAsync(), "the h1 is visible");
        Assert.Equal("TipBot is running", await heading.InnerTextAsync());
        // Nothing overflows sideways: on a phone that would mean scrolling to read each line.
        var overflow = await tab.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"the page is wider than the {screen} screen");
    }

    [SkippableTheory, EveryScreen]
    public async Task The_home_page_has_no_serious_accessibility_violations(Screen screen)
    {
        await using var tab = await browser.OpenAsync(host, "/", screen);

        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
    }
}
