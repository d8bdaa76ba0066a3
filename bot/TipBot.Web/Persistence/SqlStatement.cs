using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace TipBot.Persistence;

/// <summary>
/// SQL statements (one, or several in a batch) on a context's open connection and current transaction, their parameters typed by EF's own type
/// mappings so that values are stored exactly as EF stores them (on SQLite a Guid as upper-case text, a DateTime as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF"). For the writes every turn makes: EF's <c>SqlQuery</c> and <c>ExecuteSql</c> build,
/// look up and run a query pipeline per call, which cost more than the statements themselves (the transcript record
/// 1.0 → 0.6 ms a turn in the eval). The connection must be open.
/// </summary>
internal static class SqlStatement
{
    /// <summary>
    /// Runs <paramref name="statements"/> in order, in one round trip where the provider can batch (PostgreSQL; SQLite
    /// is in-process, so one by one costs it nothing). Gives, per statement, the first column of its first row (null
    /// when it returned none) and the rows it changed.
    /// </summary>
    public static async Task<IReadOnlyList<StatementResult>> BatchAsync(TipBotDbContext db, IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var results = new StatementResult[statements.Count];
        if (!connection.CanCreateBatch)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                await using var command = Command(db, statements[i].Sql, statements[i].Parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var first = await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) : null;
                await reader.CloseAsync();
                results[i] = new StatementResult(first, reader.RecordsAffected);
            }
            return results;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var parameterSource = connection.CreateCommand();
        foreach (var statement in statements)
        {
            var batchCommand = batch.CreateBatchCommand();
            batchCommand.CommandText = statement.Sql;
            AddParameters(db, parameterSource, batchCommand.Parameters, statement.Parameters);
            batch.BatchCommands.Add(batchCommand);
        }
        var firsts = new object?[statements.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < statements.Count; i++)
            {
                firsts[i] = await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) : null;
                await reader.NextResultAsync(cancellationToken);
            }
        }
        for (var i = 0; i < statements.Count; i++)
        {
            results[i] = new StatementResult(firsts[i], batch.BatchCommands[i].RecordsAffected);
        }
        return results;
    }

    private static DbCommand Command(TipBotDbContext db, string sql, (string Name, object? Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        AddParameters(db, command, command.Parameters, parameters);
        return command;
    }

    /// <param name="source">Makes the parameters (a batch command's parameters come from a command too).</param>
    private static void AddParameters(TipBotDbContext db, DbCommand source, DbParameterCollection target, (string Name, object? Value)[] parameters)
    {
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        foreach (var (name, value) in parameters)
        {
            target.Add(value is null ? Null(source, name) : mappings.GetMapping(value.GetType()).CreateParameter(source, name, value));
        }
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

/// <summary>One statement of <see cref="SqlStatement.BatchAsync"/>, with <c>@name</c> parameters.</summary>
internal sealed record Statement(string Sql, params (string Name, object? Value)[] Parameters);

/// <summary>What a statement of a batch gave: the first column of its first row, and the rows it changed.</summary>
internal readonly record struct StatementResult(object? First, int Changed);
