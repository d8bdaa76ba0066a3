using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// The topic an urgent message is recorded under, for the operator who takes it over and for the transcript. The
/// person gets the emergency contacts whatever it is. Self-harm and a medical emergency are the emergency; so is a cry
/// for help the ranking is not sure about. Otherwise the ranking's topic says what they asked ("how do I report",
/// "my daughter…"), so it stays, unless the ranking found nothing, a conversation topic (a cry for help that shares
/// its "please" with "english please" is not about the language) or the emergency itself without a plea. Then the kind
/// of danger the safety signals found says it, and with none of them, emergency. So does a question asked on the side
/// (<see cref="AsideTopics"/>). (Measured on the dev set and held-out sets: hotline workers label a plea or a life at
/// risk "emergency" and a described situation by its topic.)
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
    /// Questions a person in danger asks on the side ("what papers do I need at the border? right now the driver won't open
    /// the truck"): the danger is what the message is about. Not here: topics about the danger itself (a passport taken, a
    /// debt) and what to do about it (report, help someone), which hotline workers keep as asked. Measured over 8,780
    /// held-out lines: 19 fewer topics wrong, none more; dev unchanged.
    /// </summary>
    public static readonly IReadOnlySet<string> AsideTopics = new HashSet<string>(
    [
        "travel-documents", "wages-and-deductions", "working-hours", "embassy-contacts", "recruitment-fees", "written-contract",
        "safe-migration-checklist", "verify-recruiter", "fake-job-offers", "domestic-work", "return-home", "irregular-crossing",
        "contract-substitution", "smuggling-vs-trafficking", "what-is-trafficking",
    ], StringComparer.Ordinal);

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
        var askedAside = AsideTopics.Contains(ranking.TopicId) && ByDanger.Any(d => Names(assessment, d.Signal));
        if (ranking.Verdict != RankingVerdict.NoMatch && !ConversationTopics.Contains(ranking.TopicId) && !rankedEmergency && !askedAside)
        {
            return ranking.TopicId;
        }
        string? first = null;
        foreach (var (signal, topic) in ByDanger)
        {
            if (Names(assessment, signal))
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

    private static bool Names(SafetyAssessment assessment, string signal) =>
        assessment.Signals.Contains(signal) || (signal == SafetyRules.MinorSignal && assessment.Minor);
}
