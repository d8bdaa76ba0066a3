using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipBot.Features.Handoff;

namespace TipBot.Features.Console;

/// <summary>Who did what to which case, and when: every view, accept, reply, note, transfer, release and close.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public required string OperatorId { get; set; }
    public required string Action { get; set; }

    /// <summary>Ids only (an outcome, the operator a case went to); never message text.</summary>
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A private note on a case: for the team, never sent to the person. Encrypted at rest.</summary>
public sealed class CaseNote
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public required string OperatorId { get; set; }
    public required string ProtectedText { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A ready-made reply an operator can insert, per language; supervisors edit them.</summary>
public sealed class CannedResponse
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class AuditActions
{
    public const string View = "view";
    public const string Accept = "accept";
    public const string Reply = "reply";
    public const string Note = "note";
    public const string Transfer = "transfer";
    public const string Release = "release";
    public const string Close = "close";
    public const string ViewCallbackNumber = "view-callback-number";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("case_audit");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.OperatorId).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(32);
        builder.Property(x => x.Detail).HasMaxLength(128);
        builder.HasOne<HandoffCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.CaseId, x.At });
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.OperatorId).HasMaxLength(64);
        builder.HasOne<HandoffCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.CaseId, x.At });
    }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("canned_responses");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.Title).HasMaxLength(80);
        builder.Property(x => x.Text).HasMaxLength(2000);
        builder.HasIndex(x => new { x.Language, x.Title });
    }
}
