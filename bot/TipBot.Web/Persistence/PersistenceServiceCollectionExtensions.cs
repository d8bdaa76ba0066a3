using Microsoft.AspNetCore.DataProtection;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipBot.Hosting;

namespace TipBot.Persistence;

public static partial class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "TipBot";

    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TipBotOptions>().BindConfiguration(TipBotOptions.Section).ValidateOnStart();
        MigrationsAssembly.RegisterResolver();

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddPooledDbContextFactory<TipBotDbContext>((provider, options) =>
        {
            var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
            switch (provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly.PostgreSql));
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        var dataDirectory = provider.GetRequiredService<IOptions<TipBotOptions>>().Value.ResolveDataDirectory();
                        connectionString = $"Data Source={Path.Combine(dataDirectory, "tipbot.db")}";
                    }
                    options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly.Sqlite))
                        .AddInterceptors(new SqlitePragmas());
                    break;
            }
        });
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContext());

        // Message text is encrypted with these keys; a restart reuses them.
        var keysDirectory = (builder.Configuration.GetSection(TipBotOptions.Section).Get<TipBotOptions>() ?? new TipBotOptions()).ResolveKeysDirectory();
        services.AddDataProtection().SetApplicationName("TipBot").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory))
            .ProtectKeyRing(builder.Configuration);

        services.AddHostedService<SqliteCheckpoints>();
        services.AddSingleton<Pseudonymizer>();
        services.AddSingleton<EfBotStorage>();
        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<EfBotStorage>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Creates the data directory and the key ring's folder, and brings the database schema up to date.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<TipBotOptions>>().Value;
        Directory.CreateDirectory(options.ResolveDataDirectory());
        // Whoever can read the keys can read every message: the folder is the service user's alone, also when it was
        // created before with the default permissions.
        var keys = Directory.CreateDirectory(options.ResolveKeysDirectory());
        if (!OperatingSystem.IsWindows())
        {
            keys.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the database file: set once here, not on every connection.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        LogDatabaseReady(services.GetRequiredService<ILoggerFactory>().CreateLogger("TipBot.Persistence"), db.Database.ProviderName ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogDatabaseReady(ILogger logger, string provider);
}
