using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipBot.Features.Handoff;
using TipBot.Persistence;

namespace TipBot.Features.Conversations;

/// <summary>
/// One conversation on one channel. Holds no name or number: <see cref="Key"/> is a pseudonym of the
/// channel's conversation id.
/// </summary>
public sealed class ConversationRecord
{
    public Guid Id { get; set; }
    public required string ChannelId { get; set; }
    public required string Key { get; set; }
    public string Language { get; set; } = "en";
    public DateTime StartedAt { get; set; }
    public DateTime LastMessageAt { get; set; }

    /// <summary>Mirrors the open handoff case (see HandoffStateMachine), so each turn knows from one lookup whether a person has the conversation.</summary>
    public HandoffStatus Handoff { get; set; }
    public Guid? OpenCaseId { get; set; }

    /// <summary>The safety signals seen in this conversation (ids, never text), for the operator.</summary>
    public string? SafetySignals { get; set; }

    /// <summary>The ILO forced-labour indicators the safety triage found (ids, e.g. "restricted-movement"), for the operator.</summary>
    public string? SafetyRedFlags { get; set; }

    public List<MessageRecord> Messages { get; set; } = [];
}

public enum HumanPriority { Normal, Urgent }

/// <summary>
/// Adds ids to a comma-separated list of ids in a column, once each, within the column's length. Each id is appended by
/// the database in its own statement, from what is stored when it runs, not from what the turn read: two turns of one
/// conversation recorded at once would otherwise each write their own list and the later would drop the other's ids.
/// </summary>
internal static class IdList
{
    public const int MaxLength = 512;
    public const string SafetySignalsColumn = "SafetySignals";
    public const string SafetyRedFlagsColumn = "SafetyRedFlags";

    private static readonly Dictionary<string, string> AppendSql = new[] { SafetySignalsColumn, SafetyRedFlagsColumn }.ToDictionary(
        column => column,
        column => $"""
            UPDATE conversations SET "{column}" = CASE WHEN "{column}" IS NULL THEN @item ELSE "{column}" || ',' || @item END
            WHERE "Id" = @conversation AND ("{column}" IS NULL
                OR (replace(',' || "{column}" || ',', ',' || @item || ',', ',') = ',' || "{column}" || ','
                    AND length("{column}") + 1 + length(@item) <= {MaxLength}))
            """,
        StringComparer.Ordinal);

    /// <summary>Adds to <paramref name="statements"/> one append for each id that <paramref name="known"/> (the list as the turn
    /// read it) lacks: none on most turns, which find no signal.</summary>
    public static void AddAppends(List<Statement> statements, Guid conversationId, string column, string? known, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var stored = known?.Split(',') ?? [];
        foreach (var id in ids)
        {
            if (!stored.Contains(id, StringComparer.Ordinal))
            {
                statements.Add(new Statement(AppendSql[column], ("@conversation", conversationId), ("@item", id)));
            }
        }
    }
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ChannelId).HasMaxLength(64);
        builder.Property(x => x.Key).HasMaxLength(64);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.Handoff).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.SafetySignals).HasMaxLength(IdList.MaxLength);
        builder.Property(x => x.SafetyRedFlags).HasMaxLength(IdList.MaxLength);
        builder.HasIndex(x => new { x.ChannelId, x.Key }).IsUnique();
        builder.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
