using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Knowledge;

/// <summary>Turns an answer's Markdown with {{contact:…}}, {{fact:…}} and {{org}} into what the user reads.</summary>
public sealed partial class AnswerRenderer(IOptions<KnowledgeOptions> options)
{
    public string Render(string markdown, KnowledgeBase knowledge) =>
        Placeholder().Replace(markdown, match => match.Groups["kind"].Value switch
        {
            "org" => options.Value.OrganisationName,
            "fact" => knowledge.Facts.TryGetValue(match.Groups["key"].Value, out var fact) ? fact.Value : "",
            // An unverified contact is never shown, even if a file slipped past the checker.
            "contact" => knowledge.Contacts.TryGetValue(match.Groups["key"].Value, out var contact) && contact.IsShowable
                ? $"**{contact.Name}: {contact.Number}**" + (contact.Hours is null ? "" : $" ({contact.Hours})")
                : "",
            _ => match.Value,
        });

    /// <summary>A short list of verified contacts, one per line.</summary>
    public static string ContactList(IEnumerable<Contact> contacts)
    {
        var text = new StringBuilder();
        foreach (var contact in contacts.Where(c => c.IsShowable))
        {
            text.Append("- ").Append(contact.Name).Append(": **").Append(contact.Number).Append("**\n");
        }
        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\{\{(?<kind>contact|fact|org)(?::(?<key>[a-z0-9.\-]+))?\}\}")]
    private static partial Regex Placeholder();
}
