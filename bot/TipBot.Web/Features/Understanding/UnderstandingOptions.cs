using System.ComponentModel.DataAnnotations;

namespace TipBot.Features.Understanding;

/// <summary>Ranking thresholds. Defaults were chosen by measurement (see README, "How topics are ranked").</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>Below this fit (see <see cref="TopicScore.Fit"/>) nothing fits, and the bot says so.</summary>
    [Range(0.0, 1.0)]
    public float MinScore { get; set; } = 0.2f;

    /// <summary>When the runner-up is this close to the best, ask "Did you mean …?".</summary>
    [Range(0.0, 1.0)]
    public float CloseCallMargin { get; set; } = 0.03f;
}
