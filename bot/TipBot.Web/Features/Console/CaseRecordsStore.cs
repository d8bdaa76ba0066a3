using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TipBot.Persistence;

namespace TipBot.Features.Console;

/// <summary>The audit trail and private notes of cases.</summary>
public sealed class CaseRecordsStore(IDbContextFactory<TipBotDbContext> contexts, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector _notes = dataProtection.CreateProtector("TipBot.Console.Notes.v1");

    public async Task AuditAsync(Guid caseId, string operatorId, string action, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new AuditEntry { CaseId = caseId, OperatorId = operatorId, Action = action, Detail = detail, At = time.GetUtcNow().UtcDateTime });
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<CaseNote> AddNoteAsync(Guid caseId, string operatorId, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var note = new CaseNote { CaseId = caseId, OperatorId = operatorId, ProtectedText = _notes.Protect(text), At = time.GetUtcNow().UtcDateTime };
        db.Add(note);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    /// <summary>The notes of a case with their text decrypted, oldest first.</summary>
    public async Task<IReadOnlyList<(CaseNote Note, string Text)>> NotesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notes = await db.Set<CaseNote>().AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return notes.Select(n => (n, _notes.Unprotect(n.ProtectedText))).ToList();
    }
}
