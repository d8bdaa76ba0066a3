namespace TipBot.Features.Understanding;

/// <summary>
/// A topic and how well a message matches it: <see cref="Score"/> from its nearest examples (with the classifier's
/// probability, once ranked: picks the topic), <see cref="Fit"/> (0..1) also from the topic as a whole, and
/// <see cref="Probability"/>, the trained <see cref="TopicClassifier"/>'s (0 without one): both decide whether anything fits.
/// </summary>
public readonly record struct TopicScore(string TopicId, float Score, float Fit, float Probability = 0f);

public enum RankingVerdict { NoMatch, CloseCall, Confident }

/// <summary>The ranker's answer for one message: the best topics and what to do with them.</summary>
public sealed record TopicRanking(RankingVerdict Verdict, IReadOnlyList<TopicScore> Candidates)
{
    public static TopicRanking Nothing { get; } = new(RankingVerdict.NoMatch, []);

    public TopicScore? Best => Candidates.Count > 0 ? Candidates[0] : null;
    public TopicScore? RunnerUp => Candidates.Count > 1 ? Candidates[1] : null;

    /// <summary>The topic the bot acts on; "none" when nothing fits.</summary>
    public string TopicId => Verdict == RankingVerdict.NoMatch || Best is null ? NoTopic : Best.Value.TopicId;

    public const string NoTopic = "none";
}
