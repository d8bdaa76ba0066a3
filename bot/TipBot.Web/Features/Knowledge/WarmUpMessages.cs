namespace TipBot.Features.Knowledge;

/// <summary>
/// Messages to warm a fresh process up with, taken from the knowledge base itself (never from an evaluation set):
/// a few example phrasings of every topic in every language, and the safety patterns' examples. They reach the
/// code a real message reaches (JIT tiers, lazily built recognizers).
/// </summary>
public static class WarmUpMessages
{
    public static IReadOnlyList<string> From(KnowledgeBase knowledge, int perEntry = 2)
    {
        var messages = new List<string>();
        foreach (var entry in knowledge.Entries)
        {
            var stride = Math.Max(1, entry.Examples.Count / perEntry);
            for (var i = 0; i < entry.Examples.Count && i / stride < perEntry; i += stride)
            {
                messages.Add(entry.Examples[i]);
            }
        }
        foreach (var pattern in knowledge.Safety.Patterns)
        {
            messages.Add(pattern.Positive[0].Text);
            messages.Add(pattern.Negative[0].Text);
        }
        messages.AddRange(knowledge.OutOfScopeExamples);
        return messages;
    }
}
