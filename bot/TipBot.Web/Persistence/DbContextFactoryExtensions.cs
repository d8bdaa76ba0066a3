using Microsoft.EntityFrameworkCore;

namespace TipBot.Persistence;

public static class DbContextFactoryExtensions
{
    /// <summary>
    /// A context whose connection is already open, for work that runs several statements: EF otherwise opens and closes
    /// it around each, and every open takes the connection pool's lock (contended under load) and runs SqlitePragmas.
    /// Opening before queuing for the write gate also keeps the gate held for the statements only.
    /// </summary>
    public static async Task<TipBotDbContext> CreateOpenDbContextAsync(this IDbContextFactory<TipBotDbContext> contexts, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
