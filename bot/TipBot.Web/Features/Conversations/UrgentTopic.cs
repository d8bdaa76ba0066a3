using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// The topic an urgent message is recorded under, for the operator who takes it over and for the transcript. The
/// person gets the emergency contacts whatever it is. Self-harm and a medical emergency are the emergency; so is a cry
/// for help the ranking is not sure about. Otherwise the ranking's topic says what they asked ("how do I report",
/// "my daughter…"), so it stays, unless the ranking found nothing, a conversation topic (a cry for help that shares
/// its "please" with "english please" is not about the language) or the emergency itself without a plea. Then the kind
/// of danger the safety signals found says it, and with none of them, emergency. (Measured on the dev set and held-out
/// sets: hotline workers label a plea or a life at risk "emergency" and a described situation by its topic.)
/// </summary>
public static class UrgentTopic
{
    /// <summary>Topics about the conversation itself, never what an urgent message is about.</summary>
    public static readonly IReadOnlySet<string> ConversationTopics =
        new HashSet<string>([TopicRanker.GreetingTopic, TopicRanker.ThanksTopic, TopicRanker.AboutBotTopic, "privacy", TurnPipeline.LanguageTopic, TurnPipeline.HumanTopic], StringComparer.Ordinal);

    /// <summary>Danger signals and the topic each is about, most specific first: a child married off is forced marriage.</summary>
    public static readonly IReadOnlyList<(string Signal, string Topic)> ByDanger =
    [
        ("forced-marriage", "forced-marriage"),
        ("sexual-coercion", "sexual-exploitation"),
        (SafetyRules.MinorSignal, "child-trafficking"),
        ("confined", "restricted-movement"),
        ("guarded", "restricted-movement"),
        ("violence", "threats-violence"),
        ("threat-to-life", "threats-violence"),
    ];

    /// <summary>
    /// Dangers that are the emergency itself, whatever else the message mentions: someone who owes money and wants to
    /// end their life tonight, a friend who drank poison.
    /// </summary>
    public static readonly IReadOnlyList<string> AlwaysEmergency = ["self-harm", "medical-emergency"];

    /// <summary>A cry for help ("please send the police") is about the emergency, unless the ranking is sure the message asks something else.</summary>
    public const string PleaSignal = "plea-for-rescue";

    public static string For(TopicRanking ranking, SafetyAssessment assessment)
    {
        if (AlwaysEmergency.Any(assessment.Signals.Contains)
            || (ranking.Verdict != RankingVerdict.Confident && assessment.Signals.Contains(PleaSignal)))
        {
            return TurnPipeline.EmergencyTopic;
        }
        // "Emergency" ranked first says it is urgent, which the person already knows; the danger the signals name says what is
        // happening ("the door is locked from outside" is being locked in).
        var rankedEmergency = ranking.TopicId == TurnPipeline.EmergencyTopic && !assessment.Signals.Contains(PleaSignal);
        if (ranking.Verdict != RankingVerdict.NoMatch && !ConversationTopics.Contains(ranking.TopicId) && !rankedEmergency)
        {
            return ranking.TopicId;
        }
        string? first = null;
        foreach (var (signal, topic) in ByDanger)
        {
            if (assessment.Signals.Contains(signal) || (signal == SafetyRules.MinorSignal && assessment.Minor))
            {
                first ??= topic;
                // Of the topics the signals name, the one the ranking scored: "he beat me and locked the door" ranked as threats.
                if (ranking.Candidates.Any(c => c.TopicId == topic))
                {
                    return topic;
                }
            }
        }
        return first ?? TurnPipeline.EmergencyTopic;
    }
}
