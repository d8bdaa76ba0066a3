using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace TipBot.Persistence;

/// <summary>
/// WAL (set once by PrepareDatabaseAsync) lets readers and a writer work at once; synchronous=NORMAL is safe under WAL (a power cut can lose
/// the last commits, never corrupt the file) and avoids an fsync per turn. Checkpoints are <see cref="SqliteCheckpoints"/>'s work;
/// SQLite's own is only the backstop, at ten times its default log size.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const int AutoCheckpointPages = 10_000;

    private static readonly string Pragmas = $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint={AutoCheckpointPages};";

    // These settings belong to SQLite's connection, which Microsoft.Data.Sqlite pools and hands out again: set once per
    // pooled connection, not on every open (three statements parsed and run on each of a turn's opens).
    private readonly ConditionalWeakTable<sqlite3, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Prepared(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Prepared(connection);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_prepared.TryGetValue(handle, out _);

    private void Prepared(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _prepared.TryAdd(handle, this);
        }
    }
}
