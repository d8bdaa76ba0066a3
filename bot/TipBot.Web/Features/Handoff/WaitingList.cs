using Microsoft.EntityFrameworkCore;
using TipBot.Features.Conversations;
using TipBot.Persistence;

namespace TipBot.Features.Handoff;

/// <summary>
/// The order in which people are answered: urgent first, then whoever has waited longest. Callback requests are
/// listed for operators but hold no place in the live queue.
/// </summary>
public sealed class WaitingList(IDbContextFactory<TipBotDbContext> contexts, TimeProvider time)
{
    /// <summary>How many recent accepted cases the wait estimate looks at.</summary>
    private const int WaitSample = 20;

    /// <summary>The live queue, in answering order.</summary>
    public async Task<IReadOnlyList<HandoffCase>> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Waiting(db).ToListAsync(cancellationToken);
    }

    /// <summary>1 for the next person to be answered; null when the case is not waiting live.</summary>
    public async Task<int?> PositionAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var waiting = await WaitingAsync(cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            if (waiting[i].Id == caseId)
            {
                return i + 1;
            }
        }
        return null;
    }

    /// <summary>
    /// The median time people waited before an operator accepted, over the last cases; null with too little history
    /// to say anything honest.
    /// </summary>
    public async Task<TimeSpan?> TypicalWaitAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-7);
        var waits = await db.Set<HandoffCase>().AsNoTracking()
            .Where(c => c.AcceptedAt != null && c.AcceptedAt > since && !c.Callback)
            .OrderByDescending(c => c.AcceptedAt).Take(WaitSample)
            .Select(c => new { c.RequestedAt, c.AcceptedAt }).ToListAsync(cancellationToken);
        if (waits.Count < 3)
        {
            return null;
        }
        var sorted = waits.Select(w => w.AcceptedAt!.Value - w.RequestedAt).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static IQueryable<HandoffCase> Waiting(TipBotDbContext db) =>
        db.Set<HandoffCase>().AsNoTracking()
            .Where(c => c.Status == HandoffStatus.Queued && !c.Callback)
            // Priority is stored as its name: "Urgent" sorts after "Normal", so descending puts urgent first.
            .OrderByDescending(c => c.Priority).ThenBy(c => c.RequestedAt);
}
