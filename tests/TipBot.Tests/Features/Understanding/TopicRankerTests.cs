using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Understanding;

public sealed class TopicRankerTests
{
    private static readonly string[] PassportExamples =
    [
        "my boss took my passport",
        "the employer keeps my passport and will not give it back",
        "they took our passports when we arrived at the farm",
        "the agent is holding my travel document",
        "madam locked my passport in her drawer",
        "can my employer keep my passport for safety",
    ];

    private static readonly string[] WageExamples =
    [
        "my employer has not paid my salary for two months",
        "the boss takes money off my wages every week",
        "i was paid less than what the contract said",
        "they do not pay us for overtime",
        "my salary is late again this month",
        "he says food and room come out of my pay",
    ];

    private static readonly string[] FeeExamples =
    [
        "the agent wants money before he gives me a job",
        "must i pay a registration fee to the recruiter",
        "recruiter asks R2000 for a job in joburg",
        "do i have to pay the agent for a placement",
        "is it normal to pay for a job offer",
        "they want a fee for the application form",
    ];

    private static readonly string[] OutOfScope =
    [
        "who won the soccer match last night",
        "will it rain in maseru tomorrow",
        "selling a fridge cheap in mafeteng",
        "how do i buy airtime on vodacom",
        "give me a love poem for my wife",
        "when do schools open this year",
    ];

    internal static TopicEntry Topic(string id, IReadOnlyList<string> examples, string language = "en") =>
        new(id, language, id, id, examples, [], [], [new Source("test", "https://example.org/")], new DateOnly(2026, 11, 1), "original",
            "Answer for " + id, null, $"/kb/topics/{id}/en.md", new TopicEntryLines(new Dictionary<string, int>(), 1));

    internal static TopicRanker Ranker(IReadOnlyList<TopicEntry> topics, IReadOnlyList<string> outOfScope, UnderstandingOptions? options = null)
    {
        var ranker = new TopicRanker(Options.Create(options ?? new UnderstandingOptions()));
        ranker.Build(new KnowledgeBase(topics, [], [],
            new Dictionary<string, LocaleStrings> { ["en"] = new("en", new Dictionary<string, string>()) }, [], outOfScope));
        return ranker;
    }

    private static readonly TopicRanker s_ranker = Ranker(
        [Topic("passport-confiscation", PassportExamples), Topic("wages-and-deductions", WageExamples), Topic("recruitment-fees", FeeExamples)],
        OutOfScope);

    [Theory]
    [InlineData("my bos tuk my pasport", "passport-confiscation")]
    [InlineData("emplyer kept my passprt, wont giv it bak", "passport-confiscation")]
    [InlineData("salry not payd for 2 months", "wages-and-deductions")]
    [InlineData("agent wants registraton fee b4 the job", "recruitment-fees")]
    public void A_misspelled_message_finds_its_topic(string message, string topic)
    {
        var ranking = s_ranker.Rank(message);

        Assert.Equal(topic, ranking.Best?.TopicId);
        Assert.NotEqual(RankingVerdict.NoMatch, ranking.Verdict);
    }

    [Fact]
    public void A_confident_match_answers_its_topic()
    {
        var ranking = s_ranker.Rank("my boss took my passport and will not give it back");

        Assert.Equal(RankingVerdict.Confident, ranking.Verdict);
        Assert.Equal("passport-confiscation", ranking.TopicId);
    }

    [Theory]
    [InlineData("who won the soccer game last night")]
    [InlineData("is it going to rain in maseru tomorrow")]
    [InlineData("photosynthesis chlorophyll homework")]
    public void An_out_of_scope_message_gives_NoMatch(string message)
    {
        var ranking = s_ranker.Rank(message);

        Assert.Equal(RankingVerdict.NoMatch, ranking.Verdict);
        Assert.Equal(TopicRanking.NoTopic, ranking.TopicId);
    }

    private static readonly TopicRanker s_greetingRanker = Ranker(
        [
            Topic(TopicRanker.GreetingTopic, ["good morning madam", "good morning", "hello madam", "good evening sir", "hi how are you", "morning mme", "i hope you are well", "hope you and your family are well"]),
            Topic("about-bot", ["who are you", "what is this service", "are you a robot", "i am new here what is this", "how are you doing bot", "what can you do"]),
            Topic("recruitment-fees", FeeExamples),
        ],
        OutOfScope);

    [Theory]
    [InlineData("good morning madam, is it normal that the recruiter asks money")]
    [InlineData("good morning madam is it normal that the recruiter asks money")]
    [InlineData("hello hello the recruiter asks money")]
    public void A_question_after_a_greeting_is_ranked_by_the_question_with_or_without_punctuation(string message)
    {
        var ranking = s_greetingRanker.Rank(message);

        Assert.Equal("recruitment-fees", ranking.TopicId);
        Assert.NotEqual(RankingVerdict.NoMatch, ranking.Verdict);
    }

    [Fact]
    public void Small_talk_between_the_greeting_and_the_question_is_skipped_too()
    {
        Assert.Equal("recruitment-fees", s_greetingRanker.Rank("good morning madam, i hope you are well and your family. the recruiter asks money").TopicId);
    }

    [Theory]
    [InlineData("good morning madam, how are you")]
    [InlineData("hello madam. i am new here")]
    public void Small_talk_after_a_greeting_stays_a_greeting(string message)
    {
        Assert.Equal(TopicRanker.GreetingTopic, s_greetingRanker.Rank(message).TopicId);
    }

    [Fact]
    public void A_question_nothing_answers_after_a_greeting_is_not_answered_with_the_greeting()
    {
        const string message = "good morning madam, i hope you are well. which tablets help with diabetes?";
        Assert.Equal(TopicRanker.GreetingTopic, s_greetingRanker.Rank("good morning madam i hope you are well which tablets help with diabetes").TopicId);

        Assert.Equal(RankingVerdict.NoMatch, s_greetingRanker.Rank(message).Verdict);
    }

    [Fact]
    public void An_introduction_after_a_greeting_stays_a_greeting()
    {
        Assert.Equal(TopicRanker.GreetingTopic, s_greetingRanker.Rank("good evening sir, i am thabo from leribe").TopicId);
    }

    // On the repository's knowledge: the whole out-of-scope pseudo-topic fits this less than return-home does (its
    // examples are about everything else), but its nearest examples fit it best.
    [Fact]
    public void A_message_nearest_to_the_out_of_scope_examples_gives_NoMatch()
    {
        var ranker = new TopicRanker(Options.Create(new UnderstandingOptions()));
        ranker.Build(RepositorySafety.Knowledge);

        Assert.Equal(RankingVerdict.NoMatch, ranker.Rank("which funeral cover is best for my family at home", "en").Verdict);
    }

    [Fact]
    public void Two_near_identical_topics_give_a_CloseCall_naming_both()
    {
        string[] permits = ["how do i renew my work permit", "my work permit expires next month", "where do i apply for a work permit", "can i extend my permit"];
        var ranker = Ranker([Topic("permit-renewal", permits), Topic("permit-extension", permits), Topic("wages-and-deductions", WageExamples)], OutOfScope);

        var ranking = ranker.Rank("how can i renew my work permit");

        Assert.Equal(RankingVerdict.CloseCall, ranking.Verdict);
        Assert.Equal(["permit-extension", "permit-renewal"], ranking.Candidates.Select(c => c.TopicId).Take(2).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("en", "wages-en")]
    [InlineData("st", "wages-st")]
    public void The_messages_own_language_wins_when_both_languages_examples_fit_alike(string language, string expected)
    {
        // The same phrasings filed under a topic in each language: only the language the message is written in separates them.
        var ranker = Ranker([Topic("wages-en", WageExamples), Topic("wages-st", WageExamples, "st")], OutOfScope);

        var ranking = ranker.Rank("salry not payd for 2 months", language);

        Assert.Equal(expected, ranking.TopicId);
        Assert.Equal(RankingVerdict.Confident, ranking.Verdict);
    }

    [Fact]
    public void A_message_in_the_other_language_still_finds_a_topic_only_that_language_has()
    {
        var ranker = Ranker([Topic("passport-confiscation", PassportExamples, "st"), Topic("wages-and-deductions", WageExamples)], OutOfScope);

        Assert.Equal("passport-confiscation", ranker.Rank("my bos tuk my pasport", "en").TopicId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙏🙏🙏")]
    [InlineData("?!...")]
    [InlineData("\u200B\u200B")]
    public void Empty_or_emoji_only_input_gives_NoMatch_without_throwing(string message)
    {
        var ranking = s_ranker.Rank(message);

        Assert.Equal(RankingVerdict.NoMatch, ranking.Verdict);
        Assert.Equal(TopicRanking.NoTopic, ranking.TopicId);
    }

    [Fact]
    public void The_index_scores_every_topic_and_the_out_of_scope_pseudo_topic()
    {
        var index = TopicIndex.Build(PassportExamples.Select(x => ("passport-confiscation", x))
            .Concat(WageExamples.Select(x => ("wages-and-deductions", x)))
            .Concat(OutOfScope.Select(x => (TopicIndex.OutOfScope, x))));

        var scores = index.Score("the boss took my passport");

        Assert.Equal(3, index.TopicCount);
        Assert.Equal(PassportExamples.Length + WageExamples.Length + OutOfScope.Length, index.ExampleCount);
        Assert.Equal("passport-confiscation", scores[0].TopicId);
        Assert.Contains(scores, s => s.TopicId == TopicIndex.OutOfScope);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores are sorted best first");
    }

    [Fact]
    public void A_text_message_spelling_scores_as_the_word_it_stands_for()
    {
        var examples = PassportExamples.Select(x => ("passport-confiscation", x)).Concat(WageExamples.Select(x => ("wages-and-deductions", x))).ToList();
        var spellings = new Dictionary<string, string> { ["da"] = "the", ["emplr"] = "employer" }.ToFrozenDictionary();
        var plain = TopicIndex.Build(examples).Score("the employer keeps it").Single(s => s.TopicId == "passport-confiscation");

        var withSpellings = TopicIndex.Build(examples, spellings);

        Assert.Equal(plain.Score, withSpellings.Score("da emplr keeps it").Single(s => s.TopicId == "passport-confiscation").Score, 0.0001f);
        Assert.True(TopicIndex.Build(examples).Score("da emplr keeps it").Single(s => s.TopicId == "passport-confiscation").Score < plain.Score);
    }

    [Fact]
    public void The_rank_blends_the_nearest_examples_with_the_fit_as_a_whole_as_asked()
    {
        var index = TopicIndex.Build(PassportExamples.Select(x => ("passport-confiscation", x))
            .Concat(WageExamples.Select(x => ("wages-and-deductions", x))));
        const string message = "he keeps my passport and pays me half of what he promised";

        var nearestOnly = index.Score(message).ToDictionary(s => s.TopicId);
        var blended = index.Score(message, rankFitWeight: 0.3f).ToDictionary(s => s.TopicId);

        foreach (var (topic, score) in nearestOnly)
        {
            Assert.Equal(score.Fit, blended[topic].Fit);
            Assert.Equal(0.7f * score.Score + 0.3f * score.Fit, blended[topic].Score, 0.0001f);
            Assert.NotEqual(score.Score, blended[topic].Score);
        }
    }

    [Fact]
    public void Indexes_of_different_sizes_scored_in_turn_on_one_thread_score_as_each_does_alone()
    {
        var large = TopicIndex.Build(PassportExamples.Select(x => ("passport-confiscation", x))
            .Concat(WageExamples.Select(x => ("wages-and-deductions", x))).Concat(FeeExamples.Select(x => ("recruitment-fees", x))));
        var small = TopicIndex.Build(FeeExamples.Take(2).Select(x => ("recruitment-fees", x)).Concat(OutOfScope.Take(2).Select(x => (TopicIndex.OutOfScope, x))));
        const string message = "the agent took my passport and wants a fee";
        var largeAlone = OnFreshThread(() => large.Score(message));
        var smallAlone = OnFreshThread(() => small.Score(message));

        // One thread's scratch is shared by every index: the small one after the large one must not see its leftovers.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(largeAlone, large.Score(message));
            Assert.Equal(smallAlone, small.Score(message));
        }
    }

    private static T OnFreshThread<T>(Func<T> work)
    {
        T result = default!;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void Ranking_before_the_index_is_built_says_so()
    {
        var ranker = new TopicRanker(Options.Create(new UnderstandingOptions()));

        Assert.Throws<InvalidOperationException>(() => ranker.Rank("hello"));
    }
}
