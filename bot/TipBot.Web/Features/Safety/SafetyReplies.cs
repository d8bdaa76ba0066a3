using System.Text;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Safety;

/// <summary>
/// The words of the safety responses, from the knowledge base only (never a network call): the verified
/// emergency contacts for the person's likely country, and the warning signs named in plain words.
/// </summary>
public static class SafetyReplies
{
    public const string SouthAfrica = "za";
    public const string Lesotho = "ls";

    /// <summary>
    /// The urgent message: a calm line, then the verified contacts of the likely country. South Africa: its
    /// numbers. Lesotho: its verified numbers (none yet) and the police-station advice, then South Africa's for a
    /// person who is there (many Basotho with a +266 number work in South Africa). Unknown: South Africa's numbers
    /// and the Lesotho advice.
    /// </summary>
    public static string UrgentContacts(KnowledgeBase knowledge, LocaleStrings strings, string? country, bool minor)
    {
        var text = new StringBuilder(strings["urgent.intro"]);
        var southAfrica = ContactList(knowledge, SouthAfrica, minor, strings.Language);
        switch (country)
        {
            case SouthAfrica:
                text.Append("\n\n").Append(southAfrica);
                break;
            case Lesotho:
                var lesotho = ContactList(knowledge, Lesotho, minor, strings.Language);
                if (lesotho.Length > 0)
                {
                    text.Append("\n\n").Append(lesotho);
                }
                text.Append("\n\n").Append(strings["urgent.lesotho"]);
                text.Append("\n\n").Append(strings["urgent.in-south-africa"]).Append('\n').Append(southAfrica);
                break;
            default:
                text.Append("\n\n").Append(southAfrica).Append("\n\n").Append(strings["urgent.lesotho"]);
                break;
        }
        return text.ToString();
    }

    /// <summary>The country's urgent contacts (a child's first), verified ones only, as a list named in <paramref name="language"/>.</summary>
    public static string ContactList(KnowledgeBase knowledge, string country, bool minor, string language)
    {
        if (!knowledge.Countries.TryGetValue(country, out var info))
        {
            return "";
        }
        var keys = minor ? info.ChildContactKeys.Concat(info.UrgentContactKeys) : info.UrgentContactKeys;
        return AnswerRenderer.ContactList(keys.Distinct(StringComparer.Ordinal).Select(k => knowledge.Contacts.GetValueOrDefault(k)).OfType<Contact>(), language);
    }

    /// <summary>The warning signs found, named in plain words, and the offer of a person and of reporting.</summary>
    public static string ConcernNote(LocaleStrings strings, IReadOnlyList<string> redFlags) =>
        (redFlags.Count == 0
            ? strings["concern.offer-only"]
            : strings["concern.intro"] + "\n" + string.Join('\n', redFlags.Select(f => "- " + strings[SafetyRulesChecker.RedFlagKeyPrefix + f])) + "\n\n" + strings["concern.offer"])
        + "\n\n" + strings.Format("concern.ask-safe", ("button", strings["button.unsafe"]));

    /// <summary>
    /// The person's likely country: from a channel user id that is a phone number (WhatsApp ids are, e.g.
    /// "26657123456" or "whatsapp:+27821234567"), else from places named in the conversation, else null.
    /// </summary>
    public static string? CountryFromUserId(KnowledgeBase knowledge, string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }
        var id = userId.AsSpan().Trim();
        var colon = id.LastIndexOf(':');
        if (colon >= 0)
        {
            id = id[(colon + 1)..];
        }
        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in id)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return null;
                }
                digits[count++] = c;
            }
            else if (c is not ('+' or ' ' or '-'))
            {
                return null;
            }
        }
        if (count < 10)
        {
            return null;
        }
        var number = digits[..count];
        string? best = null;
        var bestLength = 0;
        foreach (var country in knowledge.Countries.Values)
        {
            var code = country.DialingCode?.TrimStart('+');
            if (!string.IsNullOrEmpty(code) && code.Length > bestLength && number.StartsWith(code, StringComparison.Ordinal))
            {
                (best, bestLength) = (country.Code, code.Length);
            }
        }
        return best;
    }

    /// <summary>The one country whose places the message names, or null when it names none or several.</summary>
    public static string? CountryFromText(KnowledgeBase knowledge, string normalized)
    {
        string? found = null;
        foreach (var country in knowledge.Countries.Values)
        {
            foreach (var place in country.Places)
            {
                if (ContainsWords(normalized, place))
                {
                    if (found is not null && found != country.Code)
                    {
                        return null;
                    }
                    found = country.Code;
                    break;
                }
            }
        }
        return found;
    }

    private static bool ContainsWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || text[at - 1] == ' ';
            var after = at + words.Length == text.Length || text[at + words.Length] == ' ';
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }
}
