using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
