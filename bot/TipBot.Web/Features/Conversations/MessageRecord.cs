using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TipBot.Features.Conversations;

public enum MessageDirection { Inbound, Outbound }

/// <summary>Who said it: the console shows the whole conversation as user, bot and operator lines.</summary>
public enum MessageAuthor { User, Bot, Operator }

/// <summary>One message in or out. The text is encrypted at rest (ASP.NET Core Data Protection).</summary>
public sealed class MessageRecord
{
    public long Id { get; set; }
    public Guid ConversationId { get; set; }
    public MessageDirection Direction { get; set; }
    public MessageAuthor Author { get; set; }

    /// <summary>The Identity user id of the operator who wrote an operator message.</summary>
    public string? OperatorId { get; set; }

    /// <summary>The channel's id for an inbound activity: a second delivery of the same id is ignored.</summary>
    public string? ActivityId { get; set; }
    public required string ProtectedText { get; set; }
    public string? Language { get; set; }
    public string? TopicId { get; set; }
    public float? Score { get; set; }
    public bool Urgent { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class MessageRecordConfiguration : IEntityTypeConfiguration<MessageRecord>
{
    public void Configure(EntityTypeBuilder<MessageRecord> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Author).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.OperatorId).HasMaxLength(64);
        builder.Property(x => x.ActivityId).HasMaxLength(128);
        builder.Property(x => x.Language).HasMaxLength(16);
        builder.Property(x => x.TopicId).HasMaxLength(64);
        builder.HasIndex(x => new { x.ConversationId, x.ActivityId }).IsUnique().HasFilter("\"ActivityId\" IS NOT NULL");
        builder.HasIndex(x => new { x.ConversationId, x.CreatedAt });
    }
}
