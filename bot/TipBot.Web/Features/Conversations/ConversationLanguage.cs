using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>What the language step decided for one message.</summary>
public enum LanguageRequest { None, Switch, Choose }

/// <param name="Language">The language to answer in.</param>
/// <param name="Request">Whether the message named or asked for a language.</param>
/// <param name="Written">The language the message itself is written in, when it is long enough to tell (ranking prefers
/// that language's examples; a chosen language can differ).</param>
public sealed record LanguageDecision(string Language, LanguageRequest Request, string? Written = null)
{
    /// <summary>
    /// A quarter or more of the message's words are in another language than <see cref="Written"/>: ranking then counts
    /// every language's examples fully ("my boss o khaola R300 every month for the room, ke fumana R1500 feela").
    /// </summary>
    public bool Mixed { get; init; }
}

/// <summary>
/// Which language to answer in. A language the person names ("Sesotho", "English", a language button)
/// is remembered for good; "puo" / "language" asks them to choose. Otherwise each message's language is
/// detected, but one- and two-word messages ("ok", "hi", "R2500") keep the current language, because they
/// are ambiguous, and a chosen language is never overridden by detection.
/// </summary>
public sealed class ConversationLanguage(LanguageIdentifier identifier)
{
    public const string TargetPrefix = "!lang:";
    private const int MinWordsToDetect = 3;
    // A quarter of the words read as the other language: measured on six held-out sets (1,020 lines), mixed top-1 +8 lines
    // and no English or Sesotho line lost; at 0.15 one English line with Sesotho place names was lost.
    private const double MinMixedShare = 0.25;

    private Vocabulary? _vocabulary;

    public LanguageDecision Decide(string text, UserProfile profile, KnowledgeBase knowledge)
    {
        var current = profile.Language is { } known && knowledge.Locales.ContainsKey(known) ? known : KnowledgeBase.DefaultLanguage;
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return new(current, LanguageRequest.None);
        }

        var vocabulary = VocabularyOf(knowledge);
        if (vocabulary.Aliases.TryGetValue(normalized, out var named))
        {
            return Switch(profile, named);
        }
        if (vocabulary.ChooseWords.Contains(normalized))
        {
            return new(current, LanguageRequest.Choose);
        }

        // A change of language must also show words of that language from the knowledge base: keyboard mash
        // and isiZulu both look "more Sesotho than English" to a two-language detector, but share few words.
        var read = LongEnoughToDetect(normalized) ? vocabulary.Written.Read(normalized) : default;
        var written = read.Language;
        var mixed = written is not null && read.MixedShare >= MinMixedShare;
        if (!profile.LanguageChosen && written is { } detected && knowledge.Locales.ContainsKey(detected)
            && (detected == current || vocabulary.Distinctive.Confirms(normalized, detected)))
        {
            profile.Language = detected;
            return new(detected, LanguageRequest.None, written) { Mixed = mixed };
        }
        profile.Language ??= current;
        return new(current, LanguageRequest.None, written) { Mixed = mixed };
    }

    /// <summary>A language button (see <see cref="Choices"/>) was tapped.</summary>
    public static LanguageDecision Switch(UserProfile profile, string language)
    {
        profile.Language = language;
        profile.LanguageChosen = true;
        return new(language, LanguageRequest.Switch);
    }

    /// <summary>The language of a message nothing matched, when it is one TipBot does not answer in; else null.</summary>
    public string? Unsupported(string text, KnowledgeBase knowledge) =>
        LongEnoughToDetect(TextNormalizer.Normalize(text))
        && identifier.RegionalLanguage(text) is { } language
        && !knowledge.Locales.ContainsKey(language) ? language : null;

    private static bool LongEnoughToDetect(string normalized) => normalized.Count(c => c == ' ') + 1 >= MinWordsToDetect;

    /// <summary>The choices that pick a language, each titled in its own language, English first.</summary>
    public static IEnumerable<OfferedChoice> Choices(KnowledgeBase knowledge) =>
        knowledge.Locales.Values.OrderBy(l => l.Language == KnowledgeBase.DefaultLanguage ? 0 : 1)
            .Select(l => new OfferedChoice(l["language.name"], TargetPrefix + l.Language));

    /// <summary>The choices of every language but <paramref name="current"/>: offered where a person may not yet know they can switch.</summary>
    public static IEnumerable<OfferedChoice> OtherChoices(KnowledgeBase knowledge, string current) =>
        Choices(knowledge).Where(choice => choice.Target != TargetPrefix + current);

    private sealed record Vocabulary(
        KnowledgeBase Knowledge, Dictionary<string, string> Aliases, HashSet<string> ChooseWords, DistinctiveWords Distinctive, WrittenLanguageModel Written);

    private Vocabulary VocabularyOf(KnowledgeBase knowledge)
    {
        if (_vocabulary is { } cached && ReferenceEquals(cached.Knowledge, knowledge))
        {
            return cached;
        }
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var choose = new HashSet<string>(StringComparer.Ordinal);
        foreach (var locale in knowledge.Locales.Values)
        {
            foreach (var alias in Split(locale["language.aliases"]).Append(TextNormalizer.Normalize(locale["language.name"])))
            {
                aliases.TryAdd(alias, locale.Language);
            }
            choose.UnionWith(Split(locale["language.choose-words"]));
        }
        return _vocabulary = new Vocabulary(knowledge, aliases, choose, new DistinctiveWords(knowledge), WrittenLanguageModel.From(knowledge));
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextNormalizer.Normalize);
}
