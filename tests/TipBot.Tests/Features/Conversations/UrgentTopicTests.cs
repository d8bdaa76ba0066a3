using TipBot.Features.Conversations;
using TipBot.Features.Safety;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Conversations;

public class UrgentTopicTests
{
    private static TopicRanking Ranked(RankingVerdict verdict, params string[] topics) =>
        new(verdict, topics.Select((t, i) => new TopicScore(t, 0.4f - i * 0.01f, 0.4f)).ToList());

    private static SafetyAssessment Urgent(params string[] signals) => new(SafetyLevel.Urgent, signals, []);

    [Fact]
    public void What_the_person_asked_stays_the_topic_of_an_urgent_message()
    {
        var ranking = Ranked(RankingVerdict.Confident, "report-trafficking", "restricted-movement");

        Assert.Equal("report-trafficking", UrgentTopic.For(ranking, Urgent("confined")));
    }

    [Fact]
    public void A_cry_for_help_ranked_as_a_language_request_is_recorded_as_the_danger_it_names()
    {
        Assert.Equal("emergency", UrgentTopic.For(Ranked(RankingVerdict.CloseCall, "change-language", "emergency"), Urgent("self-harm", "plea-for-rescue")));
        Assert.Equal("child-trafficking", UrgentTopic.For(Ranked(RankingVerdict.CloseCall, "change-language"), Urgent("abducted") with { Minor = true }));
        Assert.Equal("restricted-movement", UrgentTopic.For(Ranked(RankingVerdict.Confident, "privacy"), Urgent("confined")));
        // "someone please call police for me i am not safe": the person is handed over either way; the danger is the topic.
        Assert.Equal("emergency", UrgentTopic.For(Ranked(RankingVerdict.Confident, "talk-to-human"), Urgent("hiding", UrgentTopic.PleaSignal)));
    }

    [Fact]
    public void A_question_asked_on_the_side_of_a_named_danger_gives_way_to_the_danger()
    {
        // "what papers do I need at the border? right now I'm shut in a truck and the driver won't open it"
        Assert.Equal("restricted-movement", UrgentTopic.For(Ranked(RankingVerdict.Confident, "travel-documents", "restricted-movement"), Urgent("confined")));
        Assert.Equal("child-trafficking", UrgentTopic.For(Ranked(RankingVerdict.Confident, "wages-and-deductions"), Urgent("being-moved") with { Minor = true }));
        // With no danger named (only the urgency examples), what was asked stays.
        Assert.Equal("travel-documents", UrgentTopic.For(Ranked(RankingVerdict.Confident, "travel-documents"), Urgent("reads-urgent")));
    }

    [Fact]
    public void Self_harm_or_a_medical_emergency_is_recorded_as_the_emergency_whatever_else_was_ranked()
    {
        Assert.Equal("emergency", UrgentTopic.For(Ranked(RankingVerdict.Confident, "debt-bondage"), Urgent("self-harm")));
        Assert.Equal("emergency", UrgentTopic.For(Ranked(RankingVerdict.Confident, "victim-rights"), Urgent("medical-emergency", "violence")));
    }

    [Fact]
    public void A_cry_for_help_is_the_emergency_unless_the_ranking_is_sure_of_what_was_asked()
    {
        Assert.Equal("emergency", UrgentTopic.For(Ranked(RankingVerdict.CloseCall, "restricted-movement", "passport-confiscation"), Urgent("confined", UrgentTopic.PleaSignal)));
        Assert.Equal("forced-marriage", UrgentTopic.For(Ranked(RankingVerdict.Confident, "forced-marriage"), Urgent("forced-marriage", UrgentTopic.PleaSignal)));
    }

    [Fact]
    public void Of_several_dangers_the_one_the_ranking_also_saw_wins()
    {
        var ranking = Ranked(RankingVerdict.NoMatch, "domestic-work", "threats-violence");

        Assert.Equal("threats-violence", UrgentTopic.For(ranking, Urgent("confined", "violence")));
        Assert.Equal("restricted-movement", UrgentTopic.For(Ranked(RankingVerdict.NoMatch, "domestic-work"), Urgent("confined", "violence")));
    }

    [Fact]
    public void Emergency_ranked_first_gives_way_to_the_danger_the_signals_name_unless_it_is_a_cry_for_help()
    {
        var ranking = Ranked(RankingVerdict.Confident, "emergency", "restricted-movement");

        Assert.Equal("restricted-movement", UrgentTopic.For(ranking, Urgent("confined")));
        Assert.Equal("threats-violence", UrgentTopic.For(Ranked(RankingVerdict.CloseCall, "emergency", "threats-violence"), Urgent("violence", "hiding")));
        Assert.Equal("emergency", UrgentTopic.For(ranking, Urgent("confined", UrgentTopic.PleaSignal)));
        Assert.Equal("emergency", UrgentTopic.For(ranking, Urgent("reads-urgent")));
    }

    [Fact]
    public void Nothing_ranked_and_no_named_danger_is_an_emergency()
    {
        Assert.Equal("emergency", UrgentTopic.For(TopicRanking.Nothing, Urgent("reads-urgent")));
    }

    [Fact]
    public void Every_signal_and_topic_it_names_exists_in_the_knowledge_base()
    {
        var topics = RepositorySafety.Knowledge.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(UrgentTopic.AlwaysEmergency.Append(UrgentTopic.PleaSignal), signal => Assert.True(RepositorySafety.Rules.Signals.ContainsKey(signal), signal));
        foreach (var (signal, topic) in UrgentTopic.ByDanger)
        {
            Assert.True(RepositorySafety.Rules.Signals.ContainsKey(signal), $"no safety signal '{signal}' in knowledge/safety/signals.yaml");
            Assert.Contains(topic, topics);
        }
        Assert.All(UrgentTopic.ConversationTopics.Concat(UrgentTopic.AsideTopics), t => Assert.Contains(t, topics));
    }
}
