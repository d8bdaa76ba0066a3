using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipBot.Features.Conversations;

namespace TipBot.Tests.Support;

/// <summary>
/// The real host on its own temporary data folder (keys, pseudonym key, the SQLite database or see TestDatabase) and the repository's
/// knowledge base. Settings are passed with UseSetting: with minimal hosting they reach the host as command-line
/// arguments, so they are in place before Program.cs reads configuration.
/// </summary>
public class TipBotFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedDirectory;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <summary>A host with its own data folder, deleted on dispose.</summary>
    public TipBotFactory() : this(null, null)
    {
    }

    /// <summary>A host on <paramref name="dataDirectory"/> (not deleted, so a second host can reuse it), or its own folder when null.</summary>
    internal TipBotFactory(string? dataDirectory, Action<IServiceCollection>? configureServices = null)
    {
        if (dataDirectory is null)
        {
            _ownedDirectory = new TempDirectory();
            dataDirectory = _ownedDirectory.Path;
        }
        DataDirectory = dataDirectory;
        _configureServices = configureServices;
    }

    public string DataDirectory { get; }

    /// <summary>A host on SQLite whichever database the rest of the suite runs on, for tests of SQLite's own behaviour.</summary>
    public static TipBotFactory OnSqlite()
    {
        var factory = new TipBotFactory();
        factory.Settings["TipBot:Database:Provider"] = "Sqlite";
        factory.Settings["ConnectionStrings:TipBot"] = "";
        return factory;
    }

    /// <summary>Extra configuration for this host (e.g. "TipBot:Handoff:QueueTimeout"), set before the first request.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string DatabaseFile => Path.Combine(DataDirectory, "tipbot.db");

    internal CapturingLoggerProvider Logs { get; } = new();

    public InProcessAdapter Adapter => Services.GetRequiredService<InProcessAdapter>();

    public BotClient Conversation(string? conversationId = null, string channelId = "test", string serviceUrl = "http://localhost:3978/") =>
        new(CreateClient(), conversationId ?? "conv-" + Guid.NewGuid().ToString("N"), channelId, serviceUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: the error-handling tests must see what a real deployment returns, not the developer page.
        builder.UseEnvironment("Production");
        builder.UseSetting("TipBot:DataDirectory", DataDirectory);
        builder.UseSetting("Knowledge:Path", RepositoryPaths.Knowledge);
        // Tests choose who is online (OperatorPresence); office hours would make them depend on the day they run.
        builder.UseSetting("TipBot:Handoff:OfficeHours:AlwaysOpen", "true");
        // Every test signs in from the same address; the per-address sign-in limit has its own test.
        builder.UseSetting("TipBot:Operators:SignInAttemptsPerMinute", "10000");
        // Dozens of hosts start in one test run on two cores: none warms up in the background.
        builder.UseSetting("TipBot:WarmUp", "false");
        // Everything the app logs at Debug and above is captured, so privacy checks see more than production would.
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:TipBot", "Trace");
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedDirectory?.Dispose();
        }
    }
}
