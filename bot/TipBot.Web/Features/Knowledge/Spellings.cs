using System.Collections.Frozen;
using System.Text;

namespace TipBot.Features.Knowledge;

/// <summary>
/// Text-message spellings written out in full ("2nite" → "tonight", "frend" → "friend"), from the <c>spellings:</c> of
/// the safety language files. Both the safety patterns and the topic ranking read messages through them, so neither
/// has to list every way a word is typed.
/// </summary>
public static class Spellings
{
    /// <summary>
    /// Rewrites whole words of an already normalised text (lower case, words separated by single spaces): "wit" →
    /// "with", never "witness". Returns the same string when no word has a spelling.
    /// </summary>
    public static string WriteOut(string normalized, FrozenDictionary<string, string> spellings)
    {
        if (spellings.Count == 0)
        {
            return normalized;
        }
        var lookup = spellings.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? result = null;
        var copied = 0;
        var span = normalized.AsSpan();
        foreach (var range in span.Split(' '))
        {
            var (start, length) = range.GetOffsetAndLength(span.Length);
            if (length == 0 || !lookup.TryGetValue(span.Slice(start, length), out var written))
            {
                continue;
            }
            result ??= new StringBuilder(normalized.Length + 16);
            result.Append(span[copied..start]).Append(written);
            copied = start + length;
        }
        return result is null ? normalized : result.Append(span[copied..]).ToString();
    }
}
