using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TipBot.Persistence;

namespace TipBot.Features.Handoff;

/// <summary>Reads cases and keeps the details that are not status changes (those belong to <see cref="HandoffStateMachine"/>).</summary>
public sealed class HandoffCaseStore(IDbContextFactory<TipBotDbContext> contexts, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _numbers = dataProtection.CreateProtector("TipBot.Handoff.CallbackNumber.v1");

    public async Task<HandoffCase?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<HandoffCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
    }

    /// <summary>The number the person sent and agreed to be called on, on their latest callback case; encrypted.</summary>
    public async Task SaveCallbackNumberAsync(Guid conversationId, string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var protectedNumber = _numbers.Protect(number);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        var latest = await db.Set<HandoffCase>().Where(c => c.ConversationId == conversationId && c.Callback)
            .OrderByDescending(c => c.RequestedAt).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        await db.Set<HandoffCase>().Where(c => c.Id == latest)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedCallbackNumber, protectedNumber), cancellationToken);
    }

    public string? CallbackNumber(HandoffCase handoffCase) =>
        handoffCase.ProtectedCallbackNumber is { } number ? _numbers.Unprotect(number) : null;

    /// <summary>Remembers the queue place the person was last told.</summary>
    public async Task AnnounceAsync(Guid caseId, int position, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.Set<HandoffCase>().Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.AnnouncedPosition, position), cancellationToken);
    }
}
