using System.Globalization;
using System.Text;

namespace TipBot.Features.Understanding;

/// <summary>
/// Lower-cases, strips accents (Sesotho "š" → "s"), drops apostrophes inside words ("ts'ebetso" and
/// "tsebetso" then match) and turns every other non-letter, non-digit into a single space.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && result.Length > 0)
                {
                    result.Append(' ');
                }
                pendingSpace = false;
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return result.ToString();
    }
}
