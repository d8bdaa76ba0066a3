using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Persistence;

public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Every_open_connection_has_TipBot_s_settings_also_when_the_pool_hands_the_same_connection_out_again()
    {
        using var factory = TipBotFactory.OnSqlite();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>();

        // The settings are applied once per pooled connection, so this test must see a connection handed out again. The
        // host's background services open connections too, so the next one out of the pool need not be the last one in.
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var reused = false;
        for (var open = 0; open < 20 && !reused; open++)
        {
            await using var db = await contexts.CreateOpenDbContextAsync(CancellationToken.None);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            reused = !seen.Add(connection.Handle!);

            Assert.Equal(1L, await Pragma(connection, "synchronous")); // NORMAL (SQLite's default is FULL)
            Assert.Equal(1L, await Pragma(connection, "foreign_keys"));
            Assert.Equal((long)SqlitePragmas.AutoCheckpointPages, await Pragma(connection, "wal_autocheckpoint"));
        }

        Assert.True(reused, "no pooled connection was handed out twice");
    }

    private static async Task<long> Pragma(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
