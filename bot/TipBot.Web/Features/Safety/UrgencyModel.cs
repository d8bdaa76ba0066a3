using TipBot.Features.Understanding;

namespace TipBot.Features.Safety;

/// <summary>
/// Whole messages labelled <c>urgent</c> (someone is in danger now) or <c>calm</c> (alarming but over, hypothetical,
/// news, a figure of speech, or ordinary), in <c>knowledge/safety/urgency/examples.yaml</c>, as a nearest-example model
/// on the same character n-gram index as the topics. The patterns find danger said in the words they list; on
/// independent held-out messages written indirectly ("the gate is chained at night and the guard has a gun") they
/// missed about half, so a message that reads like the urgent examples much more than like the calm ones is a danger
/// signal of its own (<see cref="SafetyRules.ReadsUrgentSignal"/>). So is a message the logistic regression trained on the
/// same examples (<see cref="TopicClassifier"/>) calls urgent with high probability: nearest examples weigh every shared
/// n-gram by its rarity alone, the classifier learns which words tell danger now from the calm stories around them.
/// Immutable, thread-safe.
/// </summary>
public sealed class UrgencyModel(IReadOnlyList<string> urgent, IReadOnlyList<string> calm)
{
    public const string Folder = "urgency";
    public const string File = "examples.yaml";
    public const string Urgent = "urgent";
    public const string Calm = "calm";

    /// <summary>How an assessment names this model among the patterns that counted.</summary>
    public const string Examples = "urgency-examples";

    /// <summary>Fewer examples than this per label cannot describe either side.</summary>
    public const int MinExamples = 50;

    /// <summary>
    /// A message of fewer words shares too few n-grams with any example for its nearest ones to mean anything ("helo"
    /// came out closest to an urgent "help"); short cries for help are the patterns' work.
    /// </summary>
    public const int MinWords = 4;

    // The mean similarity of the 3 nearest urgent examples must reach MinScore and beat the calm side by Margin. Chosen on
    // two held-out sets and the dev set; a third set, not looked at before, then measured the result (README, "Safety triage").
    private const float MinScore = 0.18f;
    private const float Margin = 0.02f;

    // Or the classifier trained on the same examples gives at least this probability of urgent. Chosen on the dev set and
    // 20 held-out sets (README, "Safety triage": 8 more of 493 urgent lines, 12 more false alarms of 1,977 calm ones);
    // 0.7 and below added false alarms for nothing more.
    internal const float MinProbability = 0.8f;

    /// <summary>
    /// The classifier reads only messages of at least this many words: its misses were long stories with the danger in
    /// one clause, while on a few words it weighs a greeting's "hey guys" as it learned them from urgent cries.
    /// </summary>
    private const int MinClassifierWords = 12;

    private readonly TopicIndex _index = TopicIndex.Build(urgent.Select(text => (Urgent, text)).Concat(calm.Select(text => (Calm, text))), classify: true);

    public int UrgentCount { get; } = urgent.Count;

    public int CalmCount { get; } = calm.Count;

    /// <summary>True when the message is much more like the urgent examples than the calm ones.</summary>
    /// <param name="normalized">The message as <see cref="SafetyText.Normalize"/> leaves it, to count its words.</param>
    public bool ReadsUrgent(string message, string normalized)
    {
        var words = Words(normalized);
        if (words < MinWords)
        {
            return false;
        }
        var (urgentScore, calmScore, urgentProbability) = Scores(message);
        return (urgentScore >= MinScore && urgentScore - calmScore >= Margin)
            || (words >= MinClassifierWords && urgentProbability >= MinProbability);
    }

    /// <summary>The trained classifier's probability that the message is urgent.</summary>
    internal float UrgentProbability(string message) => Scores(message).UrgentProbability;

    /// <summary>The mean similarity of the message to its nearest urgent and nearest calm examples, and the trained
    /// classifier's probability that it is urgent.</summary>
    private (float Urgent, float Calm, float UrgentProbability) Scores(string message)
    {
        float urgentScore = 0, calmScore = 0, urgentProbability = 0;
        foreach (var score in _index.Score(message))
        {
            if (score.TopicId == Urgent)
            {
                urgentScore = score.Score;
                urgentProbability = score.Probability;
            }
            else if (score.TopicId == Calm)
            {
                calmScore = score.Score;
            }
        }
        return (urgentScore, calmScore, urgentProbability);
    }

    private static int Words(string normalized)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in normalized)
        {
            var letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }
}
