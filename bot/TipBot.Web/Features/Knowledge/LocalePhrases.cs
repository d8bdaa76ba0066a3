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
    private static readonly ConditionalWeakTable<KnowledgeBase, ConcurrentDictionary<string, FrozenDictionary<string, string[]>>> Cache = [];

    public static bool Matches(KnowledgeBase knowledge, string key, string text) =>
        PhrasesOf(knowledge, key).ContainsKey(TextNormalizer.Normalize(text));

    /// <summary>
    /// The language whose phrases include the message, <paramref name="preferred"/> when several do; null when none does.
    /// A two-word command ("hlahloba mosebetsi") is too short to detect a language from, but says which one it is in.
    /// </summary>
    public static string? LanguageOf(KnowledgeBase knowledge, string key, string text, string preferred) =>
        PhrasesOf(knowledge, key).TryGetValue(TextNormalizer.Normalize(text), out var languages)
            ? Array.IndexOf(languages, preferred) >= 0 ? preferred : languages[0]
            : null;

    private static FrozenDictionary<string, string[]> PhrasesOf(KnowledgeBase knowledge, string key) =>
        Cache.GetValue(knowledge, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(key, static (key, kb) => kb.Locales.Values
                .SelectMany(locale => locale[key].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(phrase => (Phrase: TextNormalizer.Normalize(phrase), locale.Language)))
                .GroupBy(p => p.Phrase, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Language).Distinct().ToArray(), StringComparer.Ordinal), knowledge);
}
