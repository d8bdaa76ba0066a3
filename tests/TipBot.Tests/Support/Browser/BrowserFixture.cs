using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace TipBot.Tests.Support.Browser;

/// <summary>
/// One headless Chromium for the whole test run: Debian's <c>/usr/bin/chromium</c> (or <c>TIPBOT_CHROMIUM</c>),
/// never a browser that Playwright downloads. Without it, browser tests are skipped with the install command,
/// unless <c>TIPBOT_REQUIRE_BROWSER=1</c> (CI) makes that a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The xunit collection of tests that share this fixture.</summary>
    public const string Collection = "Browser";

    private readonly TempDirectory _home = new("tipbot-chromium-");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("TIPBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static bool BrowserRequired => Environment.GetEnvironmentVariable("TIPBOT_REQUIRE_BROWSER") == "1";

    /// <summary>The running browser; call <see cref="RequireBrowser"/> first so a missing one skips instead.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("No browser: call RequireBrowser() at the start of the test.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root in CI, where Chromium refuses its sandbox.
            Args = ["--no-sandbox"],
            Env = BrowserEnvironment(),
        });
    }

    // Playwright gives Chromium a temporary profile, but Chromium still writes crash-report settings and a
    // dconf cache under the home folder; a home of its own keeps a test run from leaving files behind.
    private Dictionary<string, string> BrowserEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        environment["HOME"] = _home.Path;
        environment["XDG_CONFIG_HOME"] = _home.Combine(".config");
        environment["XDG_CACHE_HOME"] = _home.Combine(".cache");
        return environment;
    }

    /// <summary>Skips the calling [SkippableFact]/[SkippableTheory] when Chromium is missing, or fails it when CI requires a browser.</summary>
    public void RequireBrowser()
    {
        var missing = _browser is null;
        var message = $"Chromium not found at {ChromiumPath}: install it with `sudo apt-get install -y chromium`";
        if (missing && BrowserRequired)
        {
            Assert.Fail(message + " (TIPBOT_REQUIRE_BROWSER=1 makes a missing browser a failure)");
        }
        Skip.If(missing, message);
    }

    /// <summary>
    /// A fresh context (no cookies or storage from other tests) sized like <paramref name="screen"/>, resolving
    /// relative URLs against <paramref name="baseAddress"/>. Disposing it closes its pages.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(Screen screen, Uri? baseAddress = null)
    {
        RequireBrowser();
        var phone = screen == Screen.Phone;
        return Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress?.ToString(),
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 768 },
            IsMobile = phone,
            HasTouch = phone,
        });
    }

    /// <summary>
    /// Opens <paramref name="path"/> on <paramref name="host"/> in a fresh context sized like <paramref name="screen"/>.
    /// Skips (or fails, see <see cref="RequireBrowser"/>) before starting the host when there is no browser.
    /// </summary>
    public async Task<BrowserTab> OpenAsync(KestrelTipBotFactory host, string path, Screen screen)
    {
        RequireBrowser();
        var context = await NewContextAsync(screen, host.BaseAddress);
        try
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path);
            return new BrowserTab(context, page, response);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    // xunit calls this after DisposeAsync, once the browser has closed.
    public void Dispose() => _home.Dispose();
}

/// <summary>The screens pages are checked at: a phone (390×844, touch) and a laptop (1366×768).</summary>
public enum Screen
{
    Phone,
    Laptop,
}

/// <summary>Runs a [SkippableTheory] taking a <see cref="Screen"/> once per screen.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EveryScreenAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<Screen>().Select(screen => new object[] { screen });
}

/// <summary>A page opened in its own browser context, with the response to its navigation; disposing it closes both.</summary>
public sealed class BrowserTab(IBrowserContext context, IPage page, IResponse? response) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>The main document's response (null only for same-document navigations).</summary>
    public IResponse? Response { get; } = response;

    public ValueTask DisposeAsync() => context.DisposeAsync();
}

/// <summary>Browser tests share one Chromium: put <c>[Collection(BrowserFixture.Collection)]</c> on the test class.</summary>
[CollectionDefinition(BrowserFixture.Collection)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>;
