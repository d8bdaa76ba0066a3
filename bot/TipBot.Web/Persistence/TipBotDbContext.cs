using Microsoft.EntityFrameworkCore;

namespace TipBot.Persistence;

/// <summary>The one database context. Each feature brings its entities and their configurations.</summary>
public sealed class TipBotDbContext(DbContextOptions<TipBotDbContext> options) : DbContext(options)
{
    public DbSet<BotStateItem> BotState => Set<BotStateItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TipBotDbContext).Assembly);
}
