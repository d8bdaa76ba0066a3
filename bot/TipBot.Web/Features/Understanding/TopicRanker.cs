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
        var outOfScope = 0f;
        foreach (var score in scores)
        {
            if (score.TopicId == TopicIndex.OutOfScope)
            {
                outOfScope = Math.Max(outOfScope, score.Score);
            }
            else if (candidates.Count < MaxCandidates)
            {
                candidates.Add(score);
            }
        }
        if (candidates.Count == 0)
        {
            return TopicRanking.Nothing;
        }

        var settings = options.Value;
        var best = candidates[0].Score;
        if (best < settings.MinScore || outOfScope >= best)
        {
            return new TopicRanking(RankingVerdict.NoMatch, candidates);
        }
        var close = candidates.Count > 1 && candidates[1].Score >= settings.MinScore && best - candidates[1].Score < settings.CloseCallMargin;
        return new TopicRanking(close ? RankingVerdict.CloseCall : RankingVerdict.Confident,
            close ? candidates.Where(c => c.Score >= settings.MinScore && best - c.Score < settings.CloseCallMargin * 2).ToList() : candidates);
    }
}
