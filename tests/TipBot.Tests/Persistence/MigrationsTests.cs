using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Persistence;

/// <summary>Each provider's migrations (SQLite, PostgreSQL) must create the model the code has: a change added for one only fails here.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider)
    {
        // No connection is opened: the comparison is between the model and the migrations' snapshot.
        var options = new DbContextOptionsBuilder<TipBotDbContext>();
        _ = provider is DatabaseProvider.Sqlite
            ? options.UseSqlite("Data Source=:memory:", sqlite => sqlite.MigrationsAssembly(MigrationsAssembly.Sqlite))
            : options.UseNpgsql("Host=localhost;Database=tipbot", npgsql => npgsql.MigrationsAssembly(MigrationsAssembly.PostgreSql));
        using var db = new TipBotDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the model has changes without a {provider} migration (README: adding a database migration)");
    }

    [Fact]
    public void A_new_SQLite_database_is_migrated_without_warnings_or_leftover_columns()
    {
        // A migration that makes EF rebuild a table runs part of itself outside its transaction and warns on every new
        // database; an operator's first start should show no warning it cannot act on.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = new DbContextOptionsBuilder<TipBotDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly.Sqlite))
            .UseLoggerFactory(loggerFactory)
            .Options;
        using var db = new TipBotDbContext(options);

        db.Database.Migrate();

        Assert.DoesNotContain(logs.Logs, log => log.Level >= LogLevel.Warning && log.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT group_concat(name) FROM pragma_table_info('conversations')";
        var names = (string)columns.ExecuteScalar()!;
        Assert.DoesNotContain("HumanPriority", names, StringComparison.Ordinal);
        Assert.DoesNotContain("HumanRequestedAt", names, StringComparison.Ordinal);
        Assert.Contains("OpenCaseId", names, StringComparison.Ordinal);
    }
}
