using System.ComponentModel.DataAnnotations;

namespace TipBot.Features.Erasure;

/// <summary>Section "TipBot:Retention": how long conversations are kept after their last message.</summary>
public sealed class RetentionOptions
{
    public const string Section = "TipBot:Retention";

    /// <summary>
    /// A conversation whose last message is older than this many days is deleted with its messages and closed cases, and
    /// so is the bot's memory of it. A conversation with an open case (waiting, with a person, or awaiting follow-up) is
    /// kept until the case is closed.
    /// </summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>How often old conversations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
