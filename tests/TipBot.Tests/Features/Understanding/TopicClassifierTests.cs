using Microsoft.Extensions.Options;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Understanding;

public sealed class TopicClassifierTests
{
    private static readonly (string Topic, string Text)[] Examples =
    [
        ("passport-confiscation", "my boss took my passport"),
        ("passport-confiscation", "the employer keeps my passport and will not give it back"),
        ("passport-confiscation", "madam locked my passport in her drawer"),
        ("passport-confiscation", "the agent is holding my travel document"),
        ("wages-and-deductions", "my employer has not paid my salary for two months"),
        ("wages-and-deductions", "the boss takes money off my wages every week"),
        ("wages-and-deductions", "he says food and room come out of my pay"),
        ("wages-and-deductions", "my salary is late again this month"),
        (TopicIndex.OutOfScope, "who won the soccer match last night"),
        (TopicIndex.OutOfScope, "will it rain in maseru tomorrow"),
        (TopicIndex.OutOfScope, "selling a fridge cheap in mafeteng"),
        (TopicIndex.OutOfScope, "give me a love poem for my wife"),
    ];

    [Theory]
    [InlineData("the boss wont give back my passport", "passport-confiscation")]
    [InlineData("no salary again, he takes it for the room", "wages-and-deductions")]
    [InlineData("who won the match", TopicIndex.OutOfScope)]
    public void The_topic_whose_examples_a_message_resembles_gets_most_of_the_probability(string message, string expected)
    {
        var scores = TopicIndex.Build(Examples, classify: true).Score(message);

        var best = scores.MaxBy(s => s.Probability);
        Assert.Equal(expected, best.TopicId);
        Assert.True(best.Probability > 0.5f, $"{best.TopicId} {best.Probability}");
        Assert.Equal(1f, scores.Sum(s => s.Probability), 0.001f);
    }

    [Fact]
    public void The_same_examples_always_train_the_same_model()
    {
        var first = TopicIndex.Build(Examples, classify: true).Score("he keeps my papers and my pay");
        var second = TopicIndex.Build(Examples, classify: true).Score("he keeps my papers and my pay");

        Assert.Equal(first, second);
    }

    [Fact]
    public void An_index_built_without_a_classifier_gives_no_probability()
    {
        Assert.All(TopicIndex.Build(Examples).Score("the boss wont give back my passport"), s => Assert.Equal(0f, s.Probability));
    }

    [Fact]
    public void A_topic_the_classifier_is_sure_of_is_answered_though_its_examples_fit_below_the_floor()
    {
        // A floor no message reaches: only the classifier's confidence can let a topic through.
        var sure = Ranker(new UnderstandingOptions { MinScore = 0.99f });
        var unsure = Ranker(new UnderstandingOptions { MinScore = 0.99f, ClassifierConfidence = 1f });

        Assert.Equal("passport-confiscation", sure.Rank("the boss wont give back my passport").TopicId);
        Assert.Equal(RankingVerdict.NoMatch, unsure.Rank("the boss wont give back my passport").Verdict);
    }

    // Words of a forwarded job advert, written for this test: its n-grams are spread over the topic's many examples, so
    // its fit as a whole stays below the floor; the classifier has learnt what an advert with a too-good wage looks like.
    [Fact]
    public void On_the_repository_knowledge_a_short_forwarded_job_advert_is_a_fake_job_offer_not_nothing()
    {
        const string advert = "shelf packers wanted in pietermaritzburg R18k pm, no cv, just inbox. legit?";
        var withClassifier = new TopicRanker(Options.Create(new UnderstandingOptions()));
        withClassifier.Build(RepositorySafety.Knowledge);
        var withoutClassifier = new TopicRanker(Options.Create(new UnderstandingOptions { ClassifierWeight = 0f, ClassifierConfidence = 1f }));
        withoutClassifier.Build(RepositorySafety.Knowledge);

        Assert.Equal("fake-job-offers", withClassifier.Rank(advert, "en").TopicId);
        Assert.Equal(RankingVerdict.NoMatch, withoutClassifier.Rank(advert, "en").Verdict);
    }

    private static TopicRanker Ranker(UnderstandingOptions options) => TopicRankerTests.Ranker(
        Examples.Where(e => e.Topic != TopicIndex.OutOfScope).GroupBy(e => e.Topic).Select(g => TopicRankerTests.Topic(g.Key, g.Select(e => e.Text).ToList())).ToList(),
        Examples.Where(e => e.Topic == TopicIndex.OutOfScope).Select(e => e.Text).ToList(), options);
}
