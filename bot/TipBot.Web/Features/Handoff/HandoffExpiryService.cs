using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipBot.Persistence;

namespace TipBot.Features.Handoff;

/// <summary>
/// Expires live requests nobody accepted within <see cref="HandoffOptions.QueueTimeout"/>. Safe on every instance:
/// expiring is a conditional update, so a case accepted meanwhile, or expired by another instance, is left alone.
/// </summary>
public sealed partial class HandoffExpiryService(
    IDbContextFactory<TipBotDbContext> contexts,
    HandoffStateMachine machine,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, time);
        do
        {
            try
            {
                await ExpireOverdueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Expires every overdue live request; returns how many.</summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow().UtcDateTime - options.Value.QueueTimeout;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Expiring overdue handoff requests failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
