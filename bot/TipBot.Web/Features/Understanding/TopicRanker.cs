using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Understanding;

/// <summary>Ranks the topics of the knowledge base for a message and decides: answer, ask, or admit.</summary>
public sealed class TopicRanker(IOptions<UnderstandingOptions> options)
{
    private const int MaxCandidates = 3;
    private TopicIndex? _index;

    public TopicIndex Index => _index ?? throw new InvalidOperationException("The topic index has not been built yet.");

    public void Build(KnowledgeBase knowledge) =>
        _index = TopicIndex.Build(
            knowledge.Entries.SelectMany(e => e.Examples.Select(x => (e.Id, x)))
                .Concat(knowledge.OutOfScopeExamples.Select(x => (TopicIndex.OutOfScope, x))));

    public TopicRanking Rank(string message)
    {
        var scores = Index.Score(message);
        var candidates = new List<TopicScore>(MaxCandidates);
        var outOfScopeFit = 0f;
        var bestFit = 0f;
        foreach (var score in scores)
        {
            if (score.TopicId == TopicIndex.OutOfScope)
            {
                outOfScopeFit = score.Fit;
                continue;
            }
            bestFit = Math.Max(bestFit, score.Fit);
            if (candidates.Count < MaxCandidates)
            {
                candidates.Add(score);
            }
        }
        if (candidates.Count == 0)
        {
            return TopicRanking.Nothing;
        }

        var settings = options.Value;
        if (bestFit < settings.MinScore || outOfScopeFit >= bestFit)
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
