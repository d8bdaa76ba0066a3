using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TipBot.Features.Console;

/// <summary>
/// Who added, changed or deleted a ready reply, and what it read afterwards (before, for a delete). Operators send
/// these words to people in danger, so a change must be traceable to a person and undoable by hand.
/// </summary>
public sealed class CannedResponseChange
{
    public long Id { get; set; }

    /// <summary>Not a foreign key: the history outlives a deleted reply.</summary>
    public int ResponseId { get; set; }
    public required string OperatorId { get; set; }
    public required string Action { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}

public static class CannedResponseActions
{
    public const string Add = "add";
    public const string Edit = "edit";
    public const string Delete = "delete";
}

internal sealed class CannedResponseChangeConfiguration : IEntityTypeConfiguration<CannedResponseChange>
{
    public void Configure(EntityTypeBuilder<CannedResponseChange> builder)
    {
        builder.ToTable("canned_response_changes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.OperatorId).HasMaxLength(64);
        builder.Property(x => x.Action).HasMaxLength(16);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.Title).HasMaxLength(CannedResponseStore.MaxTitleLength);
        builder.Property(x => x.Text).HasMaxLength(CannedResponseStore.MaxTextLength);
    }
}
