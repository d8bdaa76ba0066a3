using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipBot.Hosting;
using TipBot.Persistence;

namespace TipBot.Features.Handoff;

/// <summary>
/// Expires live requests nobody accepted within <see cref="HandoffOptions.QueueTimeout"/>. Safe on every instance:
/// expiring is a conditional update, so a case accepted meanwhile, or expired by another instance, is left alone.
/// </summary>
public sealed class HandoffExpiryService(
    IDbContextFactory<TipBotDbContext> contexts,
    HandoffStateMachine machine,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffExpiryService> logger) : PeriodicService(time, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryCheckInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ExpireOverdueAsync(cancellationToken);

    /// <summary>Expires every overdue live request; returns how many.</summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var deadline = Time.GetUtcNow().UtcDateTime - options.Value.QueueTimeout;
        List<Guid> overdue;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            overdue = await db.Set<HandoffCase>()
                .Where(c => c.Status == HandoffStatus.Queued && !c.Callback && c.RequestedAt <= deadline)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }
        var expired = 0;
        foreach (var caseId in overdue)
        {
            expired += await machine.ExpireAsync(caseId, cancellationToken) ? 1 : 0;
        }
        return expired;
    }
}
