using System.Text.RegularExpressions;

namespace TipBot.Features.Console;

/// <summary>
/// Phone numbers in console text: ready replies must not type one (they reference contacts), and a person's consented
/// callback number is shown only on request (and audited), so the pages hide it where the person typed it.
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>Five or more digits in a run, with spaces or dashes between groups (the knowledge checker's rule).</summary>
    public static bool Any(string text) => PhoneLike().IsMatch(text);

    /// <summary>
    /// Replaces <paramref name="number"/> wherever it appears in <paramref name="text"/>, in whatever format the person
    /// typed it (+27 82…, 082…); with no number given, every phone-like run (for short previews of a case that has one).
    /// </summary>
    public static string Hide(string text, string? number, string replacement) =>
        PhoneLike().Replace(text, match => number is null || Same(match.Value, number) ? replacement : match.Value);

    /// <summary>The same subscriber number: the last nine digits agree (country code or leading 0 aside).</summary>
    private static bool Same(string a, string b)
    {
        var x = Digits(a);
        var y = Digits(b);
        var tail = Math.Min(9, Math.Min(x.Length, y.Length));
        return tail >= 7 && x[^tail..] == y[^tail..];
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"(?<![\w.,])\+?\d[\d \-]{3,}\d(?!\w)")]
    private static partial Regex PhoneLike();
}
