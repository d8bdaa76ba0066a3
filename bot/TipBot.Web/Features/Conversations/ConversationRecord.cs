using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>When the person asked for a human, or the safety check asked for one; until the handoff queue takes it.</summary>
    public DateTime? HumanRequestedAt { get; set; }
    public HumanPriority? HumanPriority { get; set; }

    /// <summary>The safety signals seen in this conversation (ids, never text), for the operator.</summary>
    public string? SafetySignals { get; set; }

    public List<MessageRecord> Messages { get; set; } = [];
}

public enum HumanPriority { Normal, Urgent }

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ChannelId).HasMaxLength(64);
        builder.Property(x => x.Key).HasMaxLength(64);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.HumanPriority).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.SafetySignals).HasMaxLength(512);
        builder.HasIndex(x => new { x.ChannelId, x.Key }).IsUnique();
        builder.HasIndex(x => x.HumanRequestedAt);
        builder.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
