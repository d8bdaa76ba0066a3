using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TipBot.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background. Left to SQLite, the commit that
/// crosses 1,000 pages of log does it, with an fsync, inside a turn: every ~60th turn took 7-10 ms longer (the eval's
/// slowest lines), and under load the other writers queued behind it (<see cref="DatabaseWriteGate"/>). A passive
/// checkpoint here runs beside readers and writers instead. SQLite's own checkpoint stays as a backstop at
/// <see cref="SqlitePragmas.AutoCheckpointPages"/> (for the terminal commands, which run no background services, and
/// for a log that readers keep from being reset).
/// </summary>
internal sealed partial class SqliteCheckpoints(IDbContextFactory<TipBotDbContext> contexts, IOptions<DatabaseOptions> database, ILogger<SqliteCheckpoints> logger)
    : BackgroundService
{
    // Often enough that the log stays near the size SQLite's default would keep it at, under load.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider is not DatabaseProvider.Sqlite)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; meanwhile SQLite's own checkpoint is the backstop.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
