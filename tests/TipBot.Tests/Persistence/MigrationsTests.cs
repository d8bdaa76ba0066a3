using Microsoft.EntityFrameworkCore;
using TipBot.Persistence;

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
}
