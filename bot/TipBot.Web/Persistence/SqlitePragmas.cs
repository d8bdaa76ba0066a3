using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TipBot.Persistence;

/// <summary>
/// WAL (set once by PrepareDatabaseAsync) lets readers and a writer work at once; synchronous=NORMAL is safe under WAL (a power cut can lose
/// the last commits, never corrupt the file) and avoids an fsync per turn.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

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
