using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TipBot.Persistence;

/// <summary>Healthy when the database answers and has no pending migrations.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<TipBotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any() ? HealthCheckResult.Unhealthy("database migrations pending") : HealthCheckResult.Healthy();
    }
}
