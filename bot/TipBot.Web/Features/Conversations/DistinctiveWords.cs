using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// Words that only one language's example phrasings use ("passport" and "boss" are in both; "hobane" only in Sesotho's,
/// "wont" only in English's). They confirm a change of language.
/// </summary>
public sealed class DistinctiveWords
{
    private readonly (string Language, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] _languages;

    public DistinctiveWords(KnowledgeBase knowledge)
    {
        var wordsByLanguage = knowledge.Entries.GroupBy(e => e.Language).ToDictionary(
            g => g.Key,
            g => g.SelectMany(e => e.Examples).SelectMany(x => TextNormalizer.Normalize(x).Split(' ')).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal));
        _languages = [.. wordsByLanguage.Select(kv => (kv.Key,
            kv.Value.Where(w => !wordsByLanguage.Any(other => other.Key != kv.Key && other.Value.Contains(w))).ToHashSet(StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>()))];
    }

    /// <summary>True when the (normalised) message uses a word only <paramref name="language"/>'s examples use.</summary>
    public bool Confirms(string normalized, string language) =>
        _languages.Any(l => l.Language == language && UsesAny(normalized, l.Words));

    private static bool UsesAny(string normalized, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            if (words.Contains(normalized.AsSpan(range)))
            {
                return true;
            }
        }
        return false;
    }
}
