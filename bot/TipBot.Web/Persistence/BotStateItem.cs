using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TipBot.Persistence;

/// <summary>One Bot Framework storage item (conversation or user state) as JSON, with its ETag.</summary>
public sealed class BotStateItem
{
    /// <summary>A pseudonym of the Bot Framework key, which can contain a phone number (WhatsApp ids).</summary>
    public required string Key { get; set; }
    public required string ETag { get; set; }
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class BotStateItemConfiguration : IEntityTypeConfiguration<BotStateItem>
{
    public void Configure(EntityTypeBuilder<BotStateItem> builder)
    {
        builder.ToTable("bot_state");
        builder.HasKey(x => x.Key);
        builder.Property(x => x.Key).HasMaxLength(64);
        builder.Property(x => x.ETag).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(x => x.UpdatedAt);
    }
}
