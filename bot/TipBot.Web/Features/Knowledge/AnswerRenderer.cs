using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Knowledge;

/// <summary>Turns an answer's Markdown with {{contact:…}}, {{fact:…}} and {{org}} into what the user reads.</summary>
public sealed partial class AnswerRenderer(IOptions<KnowledgeOptions> options)
{
    /// <summary>Contacts are named in <paramref name="language"/> where their file says how.</summary>
    public string Render(string markdown, KnowledgeBase knowledge, string language) =>
        Placeholder().Replace(markdown, match => match.Groups["kind"].Value switch
        {
            "org" => options.Value.OrganisationIn(knowledge.Strings(language)),
            "fact" => knowledge.Facts.TryGetValue(match.Groups["key"].Value, out var fact) ? fact.Value : "",
            // An unverified contact is never shown, even if a file slipped past the checker.
            "contact" => knowledge.Contacts.TryGetValue(match.Groups["key"].Value, out var contact) && contact.IsShowable
                ? Inline(contact.WordsIn(language), contact.Number)
                : "",
            _ => match.Value,
        });

    private static string Inline(ContactWords words, string number) =>
        $"**{words.Name}: {number}**" + (words.Hours is null ? "" : $" ({words.Hours})");

    /// <summary>A short list of verified contacts, one per line, named in <paramref name="language"/>.</summary>
    public static string ContactList(IEnumerable<Contact> contacts, string language)
    {
        var text = new StringBuilder();
        foreach (var contact in contacts.Where(c => c.IsShowable))
        {
            text.Append("- ").Append(contact.WordsIn(language).Name).Append(": **").Append(contact.Number).Append("**\n");
        }
        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\{\{(?<kind>contact|fact|org)(?::(?<key>[a-z0-9.\-]+))?\}\}")]
    private static partial Regex Placeholder();
}
