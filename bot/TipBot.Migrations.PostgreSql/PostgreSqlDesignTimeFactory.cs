using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TipBot.Persistence;

namespace TipBot.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the model without starting the host; adding a migration needs no server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<TipBotDbContext>
{
    public TipBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TipBotDbContext>()
            .UseNpgsql("Host=localhost;Database=tipbot_design_time", npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
