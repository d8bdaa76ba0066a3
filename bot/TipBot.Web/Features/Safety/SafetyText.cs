using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Safety;

/// <summary>
/// The form every safety pattern is matched against: lower case, accents and apostrophes removed
/// ("ntšoere" → "ntsoere", "he'll" → "hell", "can't" → "cant"), every other non-letter a space, and sentence
/// and clause breaks kept as " . " and " , " so that a pattern's words never run across them and cues can be
/// scoped to the sentence or clause of a match. Text-message spellings of the language files' <c>spellings:</c>
/// ("2nite", "beatin", "frend") are then written out, so one pattern reads both.
/// </summary>
public static class SafetyText
{
    public const char SentenceBreak = '.';
    public const char ClauseBreak = ',';

    public static string Normalize(string text, FrozenDictionary<string, string>? spellings = null)
    {
        var normalized = NormalizeCharacters(text);
        return spellings is null ? normalized : Spellings.WriteOut(normalized, spellings);
    }

    private static string NormalizeCharacters(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        // FormD splits "š" into "s" + caron; the marks are then dropped. Text that cannot be normalised (lone
        // surrogates from a broken client) is read as it is: every non-letter becomes a space anyway.
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = text;
        }

        var result = new StringBuilder(decomposed.Length + 16);
        var gap = false;
        var mark = ' ';
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (char.IsHighSurrogate(c) && i + 1 < decomposed.Length && IsLaughing(char.ConvertToUtf32(c, decomposed[i + 1])))
            {
                // "he will kill me 😂" is a joke as much as "he will kill me lol": the cues can only read words.
                i++;
                gap = true;
                AppendWord(result, Laughing, ref gap, ref mark);
                gap = true;
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                AppendWord(result, [char.ToLowerInvariant(c)], ref gap, ref mark);
                continue;
            }
            gap = true;
            var kind = c switch
            {
                '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F' => SentenceBreak,
                ',' or ':' or '\u060C' or '\uFF0C' => ClauseBreak,
                _ => ' ',
            };
            if (kind == SentenceBreak || (kind == ClauseBreak && mark == ' '))
            {
                mark = kind;
            }
        }
        return result.ToString();
    }

    private const string Laughing = "haha";

    private static bool IsLaughing(int codePoint) => codePoint is 0x1F602 or 0x1F923 or 0x1F606 or 0x1F605 or 0x1F604 or 0x1F601 or 0x1F639;

    /// <summary>Appends letters of a word, after the break or space that the characters since the last letter call for.</summary>
    private static void AppendWord(StringBuilder result, ReadOnlySpan<char> letters, ref bool gap, ref char mark)
    {
        if (result.Length > 0 && mark != ' ')
        {
            result.Append(' ').Append(mark).Append(' ');
        }
        else if (result.Length > 0 && gap)
        {
            result.Append(' ');
        }
        gap = false;
        mark = ' ';
        result.Append(letters);
    }

    /// <summary>The start and end of the sentence (or, with <paramref name="clause"/>, the clause) holding a position.</summary>
    public static (int Start, int End) Span(string normalized, int index, int length, bool clause)
    {
        var start = index;
        while (start > 0 && !IsBreak(normalized[start - 1], clause))
        {
            start--;
        }
        var end = Math.Min(normalized.Length, index + length);
        while (end < normalized.Length && !IsBreak(normalized[end], clause))
        {
            end++;
        }
        return (start, end);
    }

    private static bool IsBreak(char c, bool clause) => c == SentenceBreak || (clause && c == ClauseBreak);

    /// <summary>The last <paramref name="words"/> words before <paramref name="index"/>, within [<paramref name="from"/>, index).</summary>
    public static ReadOnlySpan<char> WordsBefore(string normalized, int from, int index, int words)
    {
        var end = index;
        var start = index;
        var seen = 0;
        var i = index - 1;
        while (i >= from && seen < words)
        {
            while (i >= from && normalized[i] == ' ')
            {
                i--;
            }
            if (i < from)
            {
                break;
            }
            while (i >= from && normalized[i] != ' ')
            {
                i--;
            }
            start = i + 1;
            seen++;
        }
        return normalized.AsSpan(start, end - start);
    }
}
