using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TipBot.Persistence;

namespace TipBot.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<TipBotDbContext>
{
    public TipBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TipBotDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
