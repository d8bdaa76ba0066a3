using System.Buffers;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Understanding;

/// <summary>
/// Ranks the topics of the knowledge base for a message and decides: answer, ask, or admit. Each language's example
/// phrasings form their own index, with their own word weights: in one index over both languages the Sesotho
/// examples re-weighted English words (measured on the dev set: English top-1 0.93 → 0.90 when they joined). A message
/// is scored in every language's index, so a message mixing English and Sesotho still finds its topic, but a score
/// from a language other than the one the message is written in counts at <see cref="UnderstandingOptions.OtherLanguageWeight"/>.
/// </summary>
public sealed class TopicRanker(IOptions<UnderstandingOptions> options)
{
    private const int MaxCandidates = 3;
    public const string GreetingTopic = "greeting";
    public const string AboutBotTopic = "about-bot";
    public const string ThanksTopic = "thanks-goodbye";

    /// <summary>What often follows a greeting without being the question: "hello, how are you", "good evening, I am new here".</summary>
    private static readonly HashSet<string> SmallTalk = new([GreetingTopic, AboutBotTopic, ThanksTopic], StringComparer.Ordinal);
    private const int MinWordsAfterOpening = 3;
    private const int MaxOpeningClauses = 3;
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".,!?;:\n");
    private static readonly SearchValues<char>[] OpeningBreaks = [ClauseBreaks, SearchValues.Create(" .,!?;:\n")];

    private IReadOnlyList<(string Language, TopicIndex Index)>? _indexes;
    private FrozenDictionary<string, TopicIndex> _foreign = FrozenDictionary<string, TopicIndex>.Empty;
    private FrozenDictionary<string, string> _spellings = FrozenDictionary<string, string>.Empty;

    /// <summary>How many topics are indexed, in any language.</summary>
    public int TopicCount { get; private set; }

    public void Build(KnowledgeBase knowledge)
    {
        _spellings = WithSesothoSpellings(knowledge);
        // Each language's classifier trains for a few hundred milliseconds at start-up: one language a core.
        _indexes = knowledge.Entries.GroupBy(e => e.Language, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(language => (language.Key, TopicIndex.Build(
                language.SelectMany(e => e.Examples.Select(x => (e.Id, x)))
                    .Concat(knowledge.OutOfScopeExamples.Select(x => (TopicIndex.OutOfScope, x))), _spellings, classify: true)))
            .ToList();
        _foreign = knowledge.Foreign.ToFrozenDictionary(f => f.Language, f => TopicIndex.Build(
            f.Examples.Concat(f.OutOfScope.Select(x => (TopicIndex.OutOfScope, x))), _spellings), StringComparer.Ordinal);
        TopicCount = knowledge.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The safety files' text-message spellings, and South Africa's Sesotho spellings (<see cref="SesothoSpellings"/>).</summary>
    private static FrozenDictionary<string, string> WithSesothoSpellings(KnowledgeBase knowledge)
    {
        var words = knowledge.Entries.SelectMany(e => e.Examples.Select(x => (e.Language, Text: x)))
            .Concat(knowledge.OutOfScopeExamples.Select(x => (Language: "", Text: x)))
            .SelectMany(x => TextNormalizer.Normalize(x.Text).Split(' ').Select(w => (x.Language, Word: w)))
            .ToList();
        var all = words.Select(w => w.Word).ToHashSet(StringComparer.Ordinal);
        var spellings = SesothoSpellings.From(words.Where(w => w.Language == SesothoSpellings.Language).Select(w => w.Word), all);
        foreach (var (typed, written) in knowledge.Safety.Spellings)
        {
            spellings[typed] = written;
        }
        return spellings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Ranks the topics for a message; <paramref name="language"/> is the one it is written in (null, e.g. for a
    /// message too short to tell: every language counts alike).</summary>
    public TopicRanking Rank(string message, string? language = null)
    {
        var ranking = RankWhole(message, language);
        // "Good morning madam, I want to ask about working in SA legally": the greeting's few exact words outscore the
        // question after it. Ranked alone, the rest says what the message is about, unless it is small talk.
        if (ranking.Verdict == RankingVerdict.NoMatch || ranking.TopicId != GreetingTopic)
        {
            return ranking;
        }
        TopicRanking? unanswerable = null;
        foreach (var (rest, asks) in AfterOpening(message))
        {
            var restRanking = RankWhole(rest, language);
            if (restRanking.Verdict != RankingVerdict.NoMatch && !SmallTalk.Contains(restRanking.TopicId))
            {
                return restRanking;
            }
            if (restRanking.Verdict == RankingVerdict.NoMatch && asks)
            {
                unanswerable ??= restRanking;
            }
        }
        // "Good evening sir, which tablets are best for sugar diabetes?": a question nothing answers, after the greeting,
        // is still a question nothing answers; the greeting's reply would pretend it was not asked. Without a question
        // mark the rest is more often an introduction ("Lumela, ke Thabo from Leribe").
        return unanswerable ?? ranking;
    }

    /// <summary>
    /// What follows each of the first clauses ("good day, I hope you are well. My brother …"), then what follows each of
    /// the first words ("hello hello i need to ask about my contract": phones are rarely punctuated), while a few words
    /// are left: a greeting can be followed by more small talk before the question.
    /// </summary>
    private static IEnumerable<(string Text, bool Asks)> AfterOpening(string message)
    {
        foreach (var breaks in OpeningBreaks)
        {
            var start = 0;
            for (var opening = 0; opening < MaxOpeningClauses; opening++)
            {
                var end = message.AsSpan(start).IndexOfAny(breaks);
                if (end < 0)
                {
                    break;
                }
                start += end + 1;
                var rest = message.AsSpan(start).Trim(" .,!?;:\n");
                if (rest.Count(' ') + 1 < MinWordsAfterOpening)
                {
                    break;
                }
                yield return (rest.ToString(), message.AsSpan(start).Contains('?'));
            }
        }
    }

    /// <summary>
    /// Ranks a message written in a language TipBot understands but does not answer in (see
    /// <see cref="KnowledgeBase.Foreign"/>) against that language's messages only; nothing when it has none.
    /// </summary>
    public TopicRanking RankForeign(string message, string language) =>
        _foreign.TryGetValue(language, out var index) ? RankWhole(message, language, [(language, index)]) : TopicRanking.Nothing;

    private TopicRanking RankWhole(string message, string? language) =>
        RankWhole(message, language, _indexes ?? throw new InvalidOperationException("The topic index has not been built yet."));

    private TopicRanking RankWhole(string message, string? language, IReadOnlyList<(string Language, TopicIndex Index)> indexes)
    {
        var byTopic = new Dictionary<string, TopicScore>(StringComparer.Ordinal);
        // Every index is built with the same spellings: the message is prepared once for all of them.
        var prepared = TopicIndex.Prepare(message, _spellings);
        foreach (var (indexLanguage, index) in indexes)
        {
            var weight = language is null || indexLanguage == language ? 1f : options.Value.OtherLanguageWeight;
            foreach (var score in index.Score(prepared, rankFitWeight: options.Value.FitWeight))
            {
                if (!byTopic.TryGetValue(score.TopicId, out var seen) || seen.Score < score.Score * weight)
                {
                    byTopic[score.TopicId] = score with { Score = score.Score * weight, Fit = score.Fit * weight, Probability = score.Probability * weight };
                }
            }
        }
        var settings = options.Value;
        // The classifier's probability joins the rank only: "nothing fits" is decided on the examples' own scores below.
        var scores = byTopic.Values.Select(s => (Score: s, Rank: s.Score + settings.ClassifierWeight * s.Probability))
            .OrderByDescending(s => s.Rank);
        var candidates = new List<TopicScore>(MaxCandidates);
        var outOfScope = new TopicScore(TopicIndex.OutOfScope, 0f, 0f);
        var bestFit = 0f;
        var bestNearest = 0f;
        foreach (var (score, rank) in scores)
        {
            if (score.TopicId == TopicIndex.OutOfScope)
            {
                outOfScope = score;
                continue;
            }
            bestFit = Math.Max(bestFit, score.Fit);
            bestNearest = Math.Max(bestNearest, score.Score);
            if (candidates.Count < MaxCandidates)
            {
                candidates.Add(score with { Score = rank });
            }
        }
        if (candidates.Count == 0)
        {
            return TopicRanking.Nothing;
        }

        // Nothing fits when the out-of-scope examples fit the message as well as the best topic does, as a whole or by its
        // nearest examples: they are about everything else (football, loans, love), so their centroid is diffuse and
        // only their nearest examples show a message is one of them ("which funeral policy is good" beside "policy").
        // Unless the classifier is sure of the best topic: a short message ("shelf packers wanted R18k pm, no cv, legit?") shares few
        // n-grams with a topic's many examples as a whole, though it is plainly one of them.
        var classifierSure = candidates[0].Probability >= settings.ClassifierConfidence && candidates[0].Probability > outOfScope.Probability;
        if (!classifierSure && (bestFit < settings.MinScore || outOfScope.Fit >= bestFit || outOfScope.Score >= bestNearest))
        {
            return new TopicRanking(RankingVerdict.NoMatch, candidates);
        }
        var best = candidates[0].Score;
        var close = candidates.Where(c => best - c.Score < settings.CloseCallMargin).ToList();
        return close.Count > 1
            ? new TopicRanking(RankingVerdict.CloseCall, close)
            : new TopicRanking(RankingVerdict.Confident, candidates);
    }
}
