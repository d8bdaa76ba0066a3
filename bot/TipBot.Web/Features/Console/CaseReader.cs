using Microsoft.EntityFrameworkCore;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;
using TipBot.Persistence;

namespace TipBot.Features.Console;

/// <summary>Reads cases for the console: the queue, one case, its transcript. Decrypts text only for operators.</summary>
public sealed class CaseReader(IDbContextFactory<TipBotDbContext> contexts, TranscriptRecorder transcripts, OperatorDirectory operators)
{
    public const int PreviewLength = 120;

    /// <summary>
    /// What an operator's queue shows: everything waiting (urgent first, then longest wait), callback requests, and the
    /// cases they have. Supervisors also see every open case, expired ones and released ones not yet closed.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> QueueAsync(string operatorId, bool supervisor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = db.Set<HandoffCase>().AsNoTracking();
        cases = supervisor
            ? cases.Where(c => c.Status == HandoffStatus.Queued || c.Status == HandoffStatus.WithOperator || c.Status == HandoffStatus.Expired
                || (c.Status == HandoffStatus.Released && c.Outcome == HandoffOutcomes.CallbackNeeded))
            : cases.Where(c => c.Status == HandoffStatus.Queued || (c.Status == HandoffStatus.WithOperator && c.OperatorId == operatorId));
        var summaries = await SummariesAsync(db, cases, cancellationToken);
        return summaries
            .OrderBy(s => s.Status == HandoffStatus.Queued ? 0 : s.Status == HandoffStatus.WithOperator ? 1 : 2)
            .ThenByDescending(s => s.Priority)
            .ThenBy(s => s.RequestedAt)
            .ToList();
    }

    public async Task<CaseSummary?> SummaryAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await SummariesAsync(db, db.Set<HandoffCase>().AsNoTracking().Where(c => c.Id == caseId), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The whole conversation of a case, as the bot saw it, in order.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> TranscriptAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversationId = await db.Set<HandoffCase>().Where(c => c.Id == caseId).Select(c => (Guid?)c.ConversationId).FirstOrDefaultAsync(cancellationToken);
        if (conversationId is null)
        {
            return [];
        }
        var messages = await db.Set<MessageRecord>().AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var lines = new List<TranscriptLine>(messages.Count);
        foreach (var m in messages)
        {
            var name = m.Author == MessageAuthor.Operator ? await operators.DisplayNameAsync(m.OperatorId, cancellationToken) : null;
            lines.Add(new TranscriptLine(m.Id, caseId, m.Author, name, transcripts.Unprotect(m.ProtectedText), m.CreatedAt, m.Urgent));
        }
        return lines;
    }

    private async Task<List<CaseSummary>> SummariesAsync(TipBotDbContext db, IQueryable<HandoffCase> cases, CancellationToken cancellationToken)
    {
        var rows = await (
            from c in cases
            join conversation in db.Set<ConversationRecord>() on c.ConversationId equals conversation.Id
            select new
            {
                Case = c,
                conversation.Key,
                conversation.SafetySignals,
                conversation.SafetyRedFlags,
                conversation.LastMessageAt,
                Preview = db.Set<MessageRecord>()
                    .Where(m => m.ConversationId == c.ConversationId && m.Direction == MessageDirection.Inbound)
                    .OrderByDescending(m => m.Id).Select(m => m.ProtectedText).FirstOrDefault(),
            }).ToListAsync(cancellationToken);

        var summaries = new List<CaseSummary>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.Case;
            summaries.Add(new CaseSummary(
                c.Id, row.Key[..Math.Min(8, row.Key.Length)], c.ChannelId, c.Language, c.Status, c.Priority, c.Reason, c.Callback,
                c.ProtectedCallbackNumber is not null, c.RequestedAt, c.AcceptedAt, c.OperatorId,
                c.OperatorId is null ? null : await operators.DisplayNameAsync(c.OperatorId, cancellationToken),
                Ids(row.SafetySignals), Ids(row.SafetyRedFlags), Preview(row.Preview, c.ProtectedCallbackNumber is not null), row.LastMessageAt, c.Outcome));
        }
        return summaries;
    }

    /// <summary>
    /// The start of the person's last message. Summaries are pushed to every open console, so when the person left a
    /// callback number (often that very message), phone-like runs are hidden here, at the source.
    /// </summary>
    private string? Preview(string? protectedText, bool hasCallbackNumber)
    {
        if (protectedText is null)
        {
            return null;
        }
        var text = transcripts.Unprotect(protectedText).ReplaceLineEndings(" ");
        if (hasCallbackNumber)
        {
            text = PhoneNumbers.Hide(text, null, "•••");
        }
        return text.Length <= PreviewLength ? text : text[..PreviewLength] + "…";
    }

    private static string[] Ids(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
