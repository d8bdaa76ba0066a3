using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// Words one language's example phrasings use far more often than any other's ("passport" and "boss" are common in both;
/// "hobane" and "mosebetsi" are Sesotho's, "wont" and "the" English's). They confirm a change of language.
/// </summary>
/// <remarks>
/// "Far more often", not "only": English phrasings include mixed messages ("my boss o re ke lefe R500"), so the commonest
/// Sesotho words ("ke", "batla", "mosebetsi") appear in both, and a rule of "only one language uses it" left plain Sesotho
/// such as "ke batla mosebetsi Gauteng" answered in English.
/// </remarks>
public sealed class DistinctiveWords
{
    /// <summary>How many times more often (per word written) a language must use a word than every other language.</summary>
    private const double MinRatio = 4;

    /// <summary>A word used fewer times than this is too rare to speak for a language (a name, a typo).</summary>
    private const int MinUses = 3;

    private readonly (string Language, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] _languages;

    public DistinctiveWords(KnowledgeBase knowledge)
    {
        var usesByLanguage = knowledge.Entries.GroupBy(e => e.Language).ToDictionary(
            g => g.Key,
            g => g.SelectMany(e => e.Examples).SelectMany(x => TextNormalizer.Normalize(x).Split(' ')).Where(w => w.Length > 1)
                .CountBy(w => w, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal));
        var totals = usesByLanguage.ToDictionary(kv => kv.Key, kv => (double)Math.Max(1, kv.Value.Values.Sum()));
        _languages = [.. usesByLanguage.Select(kv => (kv.Key,
            kv.Value.Where(word => word.Value >= MinUses && usesByLanguage.All(other => other.Key == kv.Key
                    || word.Value / totals[kv.Key] >= MinRatio * other.Value.GetValueOrDefault(word.Key) / totals[other.Key]))
                .Select(word => word.Key).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()))];
    }

    /// <summary>True when the (normalised) message uses a word that is distinctive of <paramref name="language"/>.</summary>
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
