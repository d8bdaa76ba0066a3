using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipBot.Features.Conversations;
using TipBot.Hosting;
using TipBot.Persistence;

namespace TipBot.Features.Erasure;

/// <summary>
/// Deletes what is older than <see cref="RetentionOptions.Days"/>: conversations (their messages, cases, notes and audit
/// go with them) and the bot's stored memory of conversations and people. Safe on every instance: each pass is a few
/// conditional deletes, in batches so a first run on a large database does not hold SQLite's write lock for long.
/// </summary>
public sealed partial class RetentionService(
    IDbContextFactory<TipBotDbContext> contexts,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : PeriodicService(time, logger)
{
    private const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DeleteExpiredAsync(cancellationToken);

    /// <summary>Deletes every conversation and stored memory past the limit; returns how many of each.</summary>
    public async Task<(int Conversations, int States)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        var conversations = await InBatchesAsync(db => db.Set<ConversationRecord>()
            .Where(c => c.LastMessageAt < cutoff && c.OpenCaseId == null).OrderBy(c => c.LastMessageAt), cancellationToken);
        var states = await InBatchesAsync(db => db.BotState.Where(s => s.UpdatedAt < cutoff).OrderBy(s => s.UpdatedAt), cancellationToken);
        if (conversations + states > 0)
        {
            LogDeleted(logger, conversations, states, options.Value.Days);
        }
        return (conversations, states);
    }

    private async Task<int> InBatchesAsync<T>(Func<TipBotDbContext, IOrderedQueryable<T>> oldestFirst, CancellationToken cancellationToken) where T : class
    {
        var total = 0;
        int deleted;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
            deleted = await oldestFirst(db).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Conversations} conversations and {States} stored memories older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int conversations, int states, int days);
}
