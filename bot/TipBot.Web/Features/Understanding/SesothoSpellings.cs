using System.Text;

namespace TipBot.Features.Understanding;

/// <summary>
/// Sesotho has two spellings: Lesotho's ("chelete", "khoeli", "joale", "ea", "peli") and South Africa's ("tjhelete",
/// "kgwedi", "jwale", "ya", "pedi"). The knowledge base's Sesotho examples are mostly in Lesotho's, while people working in
/// South Africa often write the other, and character n-grams see the two as different words ("ha ke eso lefuwe dikgwedi tse
/// pedi" ranked nothing; in Lesotho's spelling, wages). From each Sesotho example word this derives its South African
/// spellings, and the ranker reads a message with them written back ("kgwedi" → "khoeli"). A spelling that is itself a
/// word of any language's examples, or that two Lesotho words share, is left alone.
/// </summary>
public static class SesothoSpellings
{
    public const string Language = "st";

    public static Dictionary<string, string> From(IEnumerable<string> sesothoWords, IReadOnlySet<string> exampleWords)
    {
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var word in sesothoWords.Distinct(StringComparer.Ordinal))
        {
            foreach (var spelling in SouthAfrican(word))
            {
                if (spelling != word && !exampleWords.Contains(spelling))
                {
                    // Two Lesotho words with one South African spelling: neither is the right one to write back.
                    found[spelling] = found.TryGetValue(spelling, out var other) && other != word ? null : word;
                }
            }
        }
        return found.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The ways a (normalised) Lesotho-spelled word is written in South Africa. Always: ch → tjh, kh → kg, l → d before i and
    /// u. Where the spelling depends on the word, both: o → w before a vowel ("joale" → "jwale", but "moeli" → "moedi"), a
    /// word's first e → y before a vowel ("ea" → "ya"), and ts → tsh (Lesotho's "tš", whose mark normalising removed).
    /// </summary>
    public static IEnumerable<string> SouthAfrican(string word)
    {
        var always = Always(word);
        var variants = new HashSet<string>(StringComparer.Ordinal) { always };
        foreach (var glide in new[] { false, true })
        {
            foreach (var initialY in new[] { false, true })
            {
                foreach (var aspirated in new[] { false, true })
                {
                    variants.Add(Optional(always, glide, initialY, aspirated));
                }
            }
        }
        return variants;
    }

    private static string Always(string word) =>
        new StringBuilder(word).Replace("ch", "tjh").Replace("kh", "kg").Replace("li", "di").Replace("lu", "du").ToString();

    private static string Optional(string word, bool glide, bool initialY, bool aspirated)
    {
        var result = new StringBuilder(word.Length + 2);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (glide && c == 'o' && IsVowel(next) && (i == 0 || !IsVowel(word[i - 1])))
            {
                result.Append('w');
            }
            else if (initialY && i == 0 && c == 'e' && IsVowel(next))
            {
                result.Append('y');
            }
            else if (aspirated && c == 's' && i > 0 && word[i - 1] == 't' && next != 'h')
            {
                result.Append("sh");
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
