using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Operators;

namespace TipBot.Persistence;

/// <summary>
/// The one database context: ASP.NET Core Identity's tables for operators, and each feature's entities with their
/// configurations.
/// </summary>
public sealed class TipBotDbContext(DbContextOptions<TipBotDbContext> options) : IdentityDbContext<OperatorAccount>(options)
{
    public DbSet<BotStateItem> BotState => Set<BotStateItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TipBotDbContext).Assembly);
    }
}
