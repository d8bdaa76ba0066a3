using System.Collections.Frozen;
using TipBot.Features.Safety;

namespace TipBot.Features.Knowledge;

/// <summary>The loaded, immutable knowledge base. Replaced as a whole, never mutated.</summary>
public sealed class KnowledgeBase
{
    public const string DefaultLanguage = "en";

    public KnowledgeBase(
        IReadOnlyList<TopicEntry> entries,
        IReadOnlyList<Contact> contacts,
        IReadOnlyList<Fact> facts,
        IReadOnlyDictionary<string, LocaleStrings> locales,
        IReadOnlyList<string> menu,
        IReadOnlyList<string> outOfScopeExamples,
        SafetyRules? safety = null,
        IReadOnlyList<CountryInfo>? countries = null,
        IReadOnlyList<ForeignPhrasings>? foreign = null)
    {
        Entries = entries;
        Contacts = contacts.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        Facts = facts.ToFrozenDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        Locales = locales.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Menu = menu;
        OutOfScopeExamples = outOfScopeExamples;
        Foreign = foreign ?? [];
        Safety = safety ?? SafetyRules.Empty;
        Countries = (countries ?? []).ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _byTopicAndLanguage = entries.ToFrozenDictionary(e => (e.Id, e.Language));
        TopicIds = entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Languages = entries.Select(e => e.Language).Concat(Locales.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private readonly FrozenDictionary<(string Topic, string Language), TopicEntry> _byTopicAndLanguage;

    public IReadOnlyList<TopicEntry> Entries { get; }
    public IReadOnlyList<string> TopicIds { get; }
    public IReadOnlyList<string> Languages { get; }
    public FrozenDictionary<string, Contact> Contacts { get; }
    public FrozenDictionary<string, Fact> Facts { get; }
    public FrozenDictionary<string, LocaleStrings> Locales { get; }
    public IReadOnlyList<string> Menu { get; }
    public IReadOnlyList<string> OutOfScopeExamples { get; }

    /// <summary>Languages understood but not answered in (<c>understanding/</c>), with their example messages.</summary>
    public IReadOnlyList<ForeignPhrasings> Foreign { get; }

    /// <summary>The safety patterns and signals (<c>safety/</c>), compiled.</summary>
    public SafetyRules Safety { get; }

    /// <summary>The countries of the contacts files, by code ("za", "ls").</summary>
    public FrozenDictionary<string, CountryInfo> Countries { get; }

    public bool HasTopic(string topicId) => TopicIds.Contains(topicId, StringComparer.Ordinal);

    /// <summary>The entry in the wanted language, else English (the caller says so to the user).</summary>
    public TopicEntry? Find(string topicId, string language) =>
        _byTopicAndLanguage.GetValueOrDefault((topicId, language))
        ?? _byTopicAndLanguage.GetValueOrDefault((topicId, DefaultLanguage));

    public LocaleStrings Strings(string language) =>
        Locales.GetValueOrDefault(language) ?? Locales[DefaultLanguage];

    public static KnowledgeBase Empty { get; } = new([], [], [], new Dictionary<string, LocaleStrings> { [DefaultLanguage] = new(DefaultLanguage, new Dictionary<string, string>()) }, [], []);
}
