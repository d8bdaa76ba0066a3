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

    /// <summary>
    /// How much a topic's score from another language's examples counts (see TopicRanker). Measured on the dev set,
    /// every value from 0.7 to 0.9 gave the same figures; at 1 English fell back to 0.92 and Sesotho stayed at 0.85.
    /// </summary>
    [Range(0.0, 1.0)]
    public float OtherLanguageWeight { get; set; } = 0.8f;

    /// <summary>
    /// How much a topic's fit as a whole (its centroid, see <see cref="TopicScore.Fit"/>) counts in its rank beside its
    /// nearest examples. Measured on the dev set and eleven held-out sets: 0.2-0.4 each raised English and Sesotho top-1
    /// a little on most sets (a long story shares words with a topic's many examples more than with its nearest three).
    /// </summary>
    [Range(0.0, 1.0)]
    public float FitWeight { get; set; } = 0.3f;

    /// <summary>
    /// How much the trained classifier's probability (see <see cref="TopicClassifier"/>) adds to a topic's rank beside its
    /// nearest examples. Measured on English held-out sets (README, "How topics are ranked"): 0.3 since five sets written on
    /// 2026-12-02 were answered 6 lines in 660 better than at 0.2 (0.1: 1 worse, 0.4: 4 better).
    /// </summary>
    [Range(0.0, 1.0)]
    public float ClassifierWeight { get; set; } = 0.3f;

    /// <summary>
    /// A best topic the classifier gives at least this probability (and more than "nothing fits") is answered even when its
    /// fit is below <see cref="MinScore"/> or the out-of-scope examples are as near.
    /// </summary>
    [Range(0.0, 1.0)]
    public float ClassifierConfidence { get; set; } = 0.3f;
}
