using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TipBot.Features.Conversations;

namespace TipBot.Features.Handoff;

/// <summary>
/// One request for a person, from the moment it is made until it is released or closed. Holds no name and no
/// number in the clear: the conversation reference (which carries the channel's user id, a phone number on
/// WhatsApp) and a consented callback number are encrypted with Data Protection.
/// </summary>
public sealed class HandoffCase
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public required string ChannelId { get; set; }
    public string Language { get; set; } = "en";
    public HandoffStatus Status { get; set; }
    public HumanPriority Priority { get; set; }
    public HandoffReason Reason { get; set; }

    /// <summary>Nobody could take it live: an operator contacts the person later (in the chat, or by phone when they gave a number).</summary>
    public bool Callback { get; set; }

    /// <summary>A phone number the person typed and agreed to be called on; encrypted.</summary>
    public string? ProtectedCallbackNumber { get; set; }

    /// <summary>The Bot Framework conversation reference as JSON, encrypted: how operator replies reach the user's channel.</summary>
    public required string ProtectedReference { get; set; }

    public DateTime RequestedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>The Identity user id of the operator who has (or last had) the case.</summary>
    public string? OperatorId { get; set; }

    /// <summary>How the operator ended it (an <see cref="HandoffOutcomes"/> id).</summary>
    public string? Outcome { get; set; }

    /// <summary>The last queue place the person was told, so they hear again only when it changes.</summary>
    public int? AnnouncedPosition { get; set; }
}

internal sealed class HandoffCaseConfiguration : IEntityTypeConfiguration<HandoffCase>
{
    public void Configure(EntityTypeBuilder<HandoffCase> builder)
    {
        builder.ToTable("handoff_cases");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ChannelId).HasMaxLength(64);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.OperatorId).HasMaxLength(64);
        builder.Property(x => x.Outcome).HasMaxLength(32);
        builder.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Status, x.RequestedAt });
        builder.HasIndex(x => x.ConversationId);
    }
}
