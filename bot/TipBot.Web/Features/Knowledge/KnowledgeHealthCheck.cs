using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TipBot.Features.Knowledge;

internal sealed class KnowledgeHealthCheck(KnowledgeStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsReady && store.Current.Entries.Count > 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("knowledge base not loaded"));
}
