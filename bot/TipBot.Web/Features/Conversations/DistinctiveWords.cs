using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// Words that only one language's example phrasings use ("passport" and "boss" are in both; "hobane" only in Sesotho's,
/// "wont" only in English's). They confirm a change of language and, when a message is plainly in one
/// language, say so without the language detector.
/// </summary>
public sealed class DistinctiveWords
{
    /// <summary>Distinctive words a message needs before its language is taken from them without the detector.</summary>
    private const int MinPlainWords = 3;

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

    /// <summary>
    /// The language when the (normalised) message uses at least <see cref="MinPlainWords"/> words only its examples use
    /// and none only another language's ("is it true they can arrest me for staying longer than my visa allows"); null
    /// when the words are mixed or too few to say, for the detector to decide. The detector costs ~0.3 ms and ~100 KB a
    /// message; with this, the eval's language step allocates ~40 KB a message on average, and no held-out set's
    /// figures moved by more than a line.
    /// </summary>
    public string? PlainlyWrittenIn(string normalized)
    {
        string? found = null;
        var count = 0;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range);
            foreach (var (language, words) in _languages)
            {
                if (!words.Contains(word))
                {
                    continue;
                }
                if (found is not null && found != language)
                {
                    return null;
                }
                found = language;
                count++;
            }
        }
        return count >= MinPlainWords ? found : null;
    }
}
