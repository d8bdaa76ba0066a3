using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TipBot.Persistence;

/// <summary>
/// One SQL statement on a context's open connection and current transaction, its parameters typed by EF's own type
/// mappings so that values are stored exactly as EF stores them (on SQLite a Guid as upper-case text, a DateTime as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF"). For the writes every turn makes: EF's <c>SqlQuery</c> and <c>ExecuteSql</c> build,
/// look up and run a query pipeline per call, which cost more than the statements themselves (the transcript record
/// 1.0 → 0.6 ms a turn in the eval). The connection must be open.
/// </summary>
internal static class SqlStatement
{
    /// <summary>Runs <paramref name="sql"/> (with <c>@name</c> parameters) and returns the first column of its first row.</summary>
    public static async Task<object?> ScalarAsync(TipBotDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> (with <c>@name</c> parameters) and returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(TipBotDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(TipBotDbContext db, string sql, (string Name, object? Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is null ? Null(command, name) : mappings.GetMapping(value.GetType()).CreateParameter(command, name, value));
        }
        return command;
    }

    /// <summary>A Guid as the provider returns it: a Guid, or its text (SQLite).</summary>
    public static Guid AsGuid(object? value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        _ => throw new InvalidOperationException("The statement returned no id."),
    };

    private static DbParameter Null(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        return parameter;
    }
}
