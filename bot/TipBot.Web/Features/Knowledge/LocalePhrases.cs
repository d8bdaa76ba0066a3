using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using TipBot.Features.Understanding;

namespace TipBot.Features.Knowledge;

/// <summary>
/// Whether a message, as typed, is one of the phrases a locale string lists ("delete my data, forget me"): the phrases of
/// every locale, so a person types a command in either language whatever the conversation's. A question around the words
/// ("can you delete what I wrote?") is not a match; it is ranked like any message.
/// </summary>
public static class LocalePhrases
{
    private static readonly ConditionalWeakTable<KnowledgeBase, ConcurrentDictionary<string, FrozenSet<string>>> Cache = [];

    public static bool Matches(KnowledgeBase knowledge, string key, string text) =>
        Cache.GetValue(knowledge, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(key, static (key, kb) => kb.Locales.Values
                .SelectMany(locale => locale[key].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(TextNormalizer.Normalize)
                .ToFrozenSet(StringComparer.Ordinal), knowledge)
            .Contains(TextNormalizer.Normalize(text));
}
