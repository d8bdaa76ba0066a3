using System.Text.RegularExpressions;
using TipBot.Features.Safety;

namespace TipBot.Features.Knowledge;

/// <summary>
/// The rules that keep the knowledge base safe to show to people. Each rule adds diagnostics with
/// file, line and reason; errors fail <c>knowledge check</c> and CI.
/// </summary>
public static partial class KnowledgeChecker
{
    public const int MinExamples = 20;

    /// <summary>Messages per topic in a language only understood (<c>understanding/</c>): fewer than the answer languages'.</summary>
    public const int MinForeignExamples = 5;
    public const int MaxFirstScreenChars = 700;
    public const int MaxButtonChars = 20;
    public static readonly TimeSpan ReviewMaxAge = TimeSpan.FromDays(365);

    private static readonly string[] Translations = ["original", "machine-drafted", "reviewed"];

    public static IReadOnlyList<KnowledgeDiagnostic> Check(KnowledgeLoadResult loaded, IReadOnlyCollection<string> requiredTopicIds, DateOnly today)
    {
        var diagnostics = new List<KnowledgeDiagnostic>(loaded.Diagnostics);
        var knowledge = loaded.Knowledge;

        foreach (var id in requiredTopicIds.Where(id => id != "none" && knowledge.Entries.All(e => e.Id != id || e.Language != KnowledgeBase.DefaultLanguage)))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(loaded.Root, "topics", id, "en.md"), 0, $"topic '{id}' has no English entry"));
        }
        foreach (var entry in knowledge.Entries)
        {
            CheckEntry(entry, knowledge, today, diagnostics);
        }
        foreach (var id in knowledge.Menu.Where(id => !knowledge.HasTopic(id)))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(loaded.Root, "menu.yaml"), 0, $"menu names unknown topic '{id}'"));
        }
        CheckLocales(loaded, diagnostics);
        CheckContactWords(knowledge, diagnostics);
        CheckForeignPhrasings(knowledge, today, diagnostics);
        SafetyRulesChecker.Check(knowledge, loaded.Root, diagnostics);
        CheckTranslationGaps(loaded, diagnostics);
        return diagnostics;
    }

    private static void CheckEntry(TopicEntry entry, KnowledgeBase knowledge, DateOnly today, List<KnowledgeDiagnostic> diagnostics)
    {
        void Error(string field, string reason) => diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, entry.Lines.Of(field), reason));

        var folder = Path.GetFileName(Path.GetDirectoryName(entry.FilePath));
        if (entry.Id != folder)
        {
            Error("id", $"id '{entry.Id}' does not match its folder '{folder}'");
        }
        if (entry.Language != Path.GetFileNameWithoutExtension(entry.FilePath))
        {
            Error("lang", $"lang '{entry.Language}' does not match the file name");
        }
        if (entry.Examples.Count < MinExamples)
        {
            Error("examples", $"{entry.Examples.Count} example phrasings; at least {MinExamples} are needed per topic and language");
        }
        if (entry.Button.Length > MaxButtonChars)
        {
            Error("button", $"button '{entry.Button}' is longer than {MaxButtonChars} characters (WhatsApp's limit)");
        }
        foreach (var followUp in entry.FollowUps.Where(f => !knowledge.HasTopic(f)))
        {
            Error("follow_ups", $"unknown follow_up topic '{followUp}'");
        }
        if (entry.Sources.Count == 0)
        {
            Error("sources", "at least one source (title and url) is needed");
        }
        foreach (var source in entry.Sources.Where(s => s.Title.Length == 0 || !Uri.TryCreate(s.Url, UriKind.Absolute, out _)))
        {
            Error("sources", $"a source needs a title and an absolute url (got title '{source.Title}', url '{source.Url}')");
        }
        CheckReview(entry.ReviewedOn, entry.Translation, today, Error,
            (field, message) => diagnostics.Add(new(DiagnosticSeverity.Warning, entry.FilePath, entry.Lines.Of(field), message)));
        foreach (var key in entry.ContactKeys)
        {
            CheckContact(key, knowledge, reason => Error("contacts", reason));
        }
        CheckBody(entry, entry.Answer, entry.Lines.Body, knowledge, diagnostics);
        if (entry.More is { } more)
        {
            CheckBody(entry, more, entry.Lines.Body, knowledge, diagnostics);
        }
        if (entry.Answer.Length == 0)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, entry.Lines.Body, "the answer is empty"));
        }
        else if (entry.Answer.Length > MaxFirstScreenChars)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, entry.Lines.Body, entry.More is null
                ? $"answer is {entry.Answer.Length} characters, too long for one phone screen ({MaxFirstScreenChars}); split it with {KnowledgeLoader.MoreMarker}"
                : $"the part before {KnowledgeLoader.MoreMarker} is {entry.Answer.Length} characters; one phone screen is {MaxFirstScreenChars}"));
        }
    }

    private static void CheckContact(string key, KnowledgeBase knowledge, Action<string> error)
    {
        if (!knowledge.Contacts.TryGetValue(key, out var contact))
        {
            error($"contact '{key}' does not exist in contacts/");
        }
        else if (!contact.IsShowable)
        {
            error($"contact '{key}' is not verified and may not be shown to users");
        }
    }

    private static void CheckBody(TopicEntry entry, string body, int bodyLine, KnowledgeBase knowledge, List<KnowledgeDiagnostic> diagnostics)
    {
        var full = File.Exists(entry.FilePath) ? File.ReadAllText(entry.FilePath) : body;
        int LineOf(string fragment)
        {
            var at = full.IndexOf(fragment, StringComparison.Ordinal);
            return at < 0 ? bodyLine : full.AsSpan(0, at).Count('\n') + 1;
        }

        foreach (Match match in Placeholder().Matches(body))
        {
            var (kind, key) = (match.Groups["kind"].Value, match.Groups["key"].Value);
            void Error(string reason) => diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, LineOf(match.Value), reason));
            switch (kind)
            {
                case "contact":
                    CheckContact(key, knowledge, Error);
                    break;
                case "fact" when !knowledge.Facts.ContainsKey(key):
                    Error($"fact '{key}' does not exist in facts.yaml");
                    break;
            }
        }

        var prose = Placeholder().Replace(body, "");
        foreach (Match match in PhoneLike().Matches(prose))
        {
            if (DateLike().IsMatch(match.Value))
            {
                continue;
            }
            diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, LineOf(match.Value),
                $"'{match.Value.Trim()}' looks like a phone number typed into the answer; use a {{{{contact:…}}}} reference"));
        }
        foreach (var contact in knowledge.Contacts.Values)
        {
            if (Regex.IsMatch(prose, $@"(?<![\d.,]){Regex.Escape(contact.Number)}(?![\d.,])"))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, entry.FilePath, LineOf(contact.Number),
                    $"the number of '{contact.Id}' is typed into the answer; use {{{{contact:{contact.Id}}}}}"));
            }
        }
    }

    /// <summary>
    /// A language understood but not answered in: its topics must exist, each with enough messages to be found, and its
    /// review must be dated like any content. An answer language's examples belong in its topic files instead.
    /// </summary>
    private static void CheckForeignPhrasings(KnowledgeBase knowledge, DateOnly today, List<KnowledgeDiagnostic> diagnostics)
    {
        foreach (var foreign in knowledge.Foreign)
        {
            void Error(string message) => diagnostics.Add(new(DiagnosticSeverity.Error, foreign.File, foreign.Line, message));
            if (knowledge.Locales.ContainsKey(foreign.Language))
            {
                Error($"'{foreign.Language}' is a language TipBot answers in: put its examples in topics/<id>/{foreign.Language}.md");
            }
            foreach (var group in foreign.Examples.GroupBy(e => e.TopicId, StringComparer.Ordinal))
            {
                if (!knowledge.HasTopic(group.Key))
                {
                    Error($"unknown topic '{group.Key}'");
                }
                else if (group.Count() < MinForeignExamples)
                {
                    Error($"topic '{group.Key}' has {group.Count()} messages; at least {MinForeignExamples} are needed to find it");
                }
            }
            CheckReview(foreign.ReviewedOn, foreign.Translation, today, (_, message) => Error(message),
                (_, message) => diagnostics.Add(new(DiagnosticSeverity.Warning, foreign.File, foreign.Line, message)));
        }
    }

    /// <summary>What every content file carries: its review date (a warning once older than a year) and translation state.</summary>
    private static void CheckReview(DateOnly? reviewedOn, string? translation, DateOnly today, Action<string, string> error, Action<string, string> warning)
    {
        if (reviewedOn is not { } reviewed)
        {
            error("reviewed_on", "missing or malformed 'reviewed_on' (yyyy-MM-dd)");
        }
        else if (today.DayNumber - reviewed.DayNumber > ReviewMaxAge.TotalDays)
        {
            warning("reviewed_on", $"last reviewed on {reviewed:yyyy-MM-dd}, more than a year ago");
        }
        if (translation is null || !Translations.Contains(translation))
        {
            error("translation", $"translation must be one of {string.Join(", ", Translations)}");
        }
    }

    private static void CheckLocales(KnowledgeLoadResult loaded, List<KnowledgeDiagnostic> diagnostics)
    {
        var english = loaded.Knowledge.Strings(KnowledgeBase.DefaultLanguage);
        foreach (var locale in loaded.Knowledge.Locales.Values)
        {
            var file = Path.Combine(loaded.Root, "locales", locale.Language + ".yaml");
            foreach (var key in english.All.Keys.Where(k => !locale.All.ContainsKey(k)))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, 0, $"missing string '{key}'"));
            }
            // Buttons are shown as WhatsApp reply buttons and list rows, like the topics' own buttons.
            foreach (var (key, text) in locale.All.Where(s => s.Key.StartsWith(ButtonKeyPrefix, StringComparison.Ordinal) && s.Value.Length > MaxButtonChars))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, 0, $"button string '{key}' ('{text}') is longer than {MaxButtonChars} characters (WhatsApp's limit)"));
            }
        }
    }

    private const string ButtonKeyPrefix = "button.";

    /// <summary>A contact that can be shown is named (and its hours given) in every language TipBot answers in.</summary>
    private static void CheckContactWords(KnowledgeBase knowledge, List<KnowledgeDiagnostic> diagnostics)
    {
        var languages = knowledge.Locales.Keys.Where(l => l != KnowledgeBase.DefaultLanguage).Order(StringComparer.Ordinal).ToArray();
        foreach (var contact in knowledge.Contacts.Values.Where(c => c.IsShowable))
        {
            foreach (var language in languages)
            {
                var words = contact.Translations.GetValueOrDefault(language);
                if (words?.Name is null || (contact.Hours is not null && words.Hours is null))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, contact.Location.File, contact.Location.Line,
                        $"contact '{contact.Id}' has no {language} {(words?.Name is null ? "name" : "hours")}; add translations: {{ {language}: {{ name: …, hours: … }} }}"));
                }
            }
        }
    }

    /// <summary>A topic missing in a language the bot speaks is answered in English: allowed, but reported.</summary>
    private static void CheckTranslationGaps(KnowledgeLoadResult loaded, List<KnowledgeDiagnostic> diagnostics)
    {
        var knowledge = loaded.Knowledge;
        foreach (var language in knowledge.Locales.Keys.Where(l => l != KnowledgeBase.DefaultLanguage).Order(StringComparer.Ordinal))
        {
            foreach (var id in knowledge.TopicIds.Where(id => knowledge.Entries.All(e => e.Id != id || e.Language != language)))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, Path.Combine(loaded.Root, "topics", id, language + ".md"), 0,
                    $"topic '{id}' has no {language} entry; {language} users get the English answer"));
            }
        }
    }

    [GeneratedRegex(@"\{\{(?<kind>contact|fact):(?<key>[a-z0-9.\-]+)\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Five or more digits in a row, allowing spaces or dashes between groups; not money ("R3500", "R 3 500").</summary>
    [GeneratedRegex(@"(?<![\w.,])(?<![RM] )(?:\+?\d[\d \-]{3,}\d)(?!\w|[.,]\d)")]
    private static partial Regex PhoneLike();

    /// <summary>Year ranges ("2021-2026") and ISO dates ("2026-03-01") are not phone numbers.</summary>
    [GeneratedRegex(@"^\s*((19|20)\d\d\s*-\s*(19|20)\d\d|(19|20)\d\d-[01]\d-[0-3]\d)\s*$")]
    private static partial Regex DateLike();
}
