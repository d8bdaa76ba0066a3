using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using TipBot.Features.Safety;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TipBot.Features.Knowledge;

public sealed record KnowledgeLoadResult(KnowledgeBase Knowledge, IReadOnlyList<KnowledgeDiagnostic> Diagnostics, string Root);

/// <summary>
/// Reads <c>knowledge/</c>: topics (Markdown with YAML front matter, via Markdig), contacts, facts,
/// locales and the menu (YamlDotNet). Problems become diagnostics; loading never throws on bad content.
/// </summary>
public static class KnowledgeLoader
{
    public const string MoreMarker = "<!-- more -->";

    private static readonly MarkdownPipeline FrontMatterPipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly string[] RequiredTopicFields = ["id", "lang", "title", "button", "examples", "sources", "reviewed_on", "translation"];

    /// <param name="root">The knowledge folder.</param>
    /// <param name="proveLinearSafetyPatterns">
    /// Whether to prove every safety expression compiles for the non-backtracking engine (see NonBacktrackingProof):
    /// what <c>knowledge check</c> and CI need, since it is the engine a safety expression falls back to past its match
    /// timeout. A serving bot skips it: it costs ~1.4 s and ~470 MB of allocations at start, and CI proved the files.
    /// </param>
    public static KnowledgeLoadResult Load(string root, bool proveLinearSafetyPatterns = true)
    {
        var diagnostics = new List<KnowledgeDiagnostic>();
        if (!Directory.Exists(root))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, root, 0, "knowledge folder not found"));
            return new(KnowledgeBase.Empty, diagnostics, root);
        }

        var entries = LoadTopics(root, diagnostics);
        var countries = new List<CountryInfo>();
        var contacts = LoadContacts(root, diagnostics, countries);
        var facts = LoadFacts(root, diagnostics);
        var locales = LoadLocales(root, diagnostics);
        var menu = ReadYaml(root, "menu.yaml", diagnostics) is { } menuMap ? menuMap.Strings("topics") : [];
        var outOfScope = ReadYaml(root, "out-of-scope.yaml", diagnostics) is { } oos ? oos.Strings("examples") : [];

        if (!locales.ContainsKey(KnowledgeBase.DefaultLanguage))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(root, "locales", "en.yaml"), 0, "the English locale is required"));
            locales[KnowledgeBase.DefaultLanguage] = new LocaleStrings(KnowledgeBase.DefaultLanguage, new Dictionary<string, string>());
        }

        var safety = SafetyRulesLoader.Load(root, diagnostics, proveLinearSafetyPatterns, outOfScope);
        var foreign = LoadForeignPhrasings(root, diagnostics);

        return new(new KnowledgeBase(entries, contacts, facts, locales, menu, outOfScope, safety, countries, foreign), diagnostics, root);
    }

    private static List<TopicEntry> LoadTopics(string root, List<KnowledgeDiagnostic> diagnostics)
    {
        var entries = new List<TopicEntry>();
        var topicsDir = Path.Combine(root, "topics");
        if (!Directory.Exists(topicsDir))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, topicsDir, 0, "topics folder not found"));
            return entries;
        }

        foreach (var file in Directory.EnumerateFiles(topicsDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (LoadTopic(file, diagnostics) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    internal static TopicEntry? LoadTopic(string file, List<KnowledgeDiagnostic> diagnostics)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(text, FrontMatterPipeline);
        if (document.FirstOrDefault() is not YamlFrontMatterBlock frontMatter)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, 1, "missing YAML front matter (a block between --- lines at the top)"));
            return null;
        }

        YamlMappingNode? map;
        // Markdig counts lines from 0 and YamlDotNet from 1; the YAML text starts on the line after the opening ---,
        // so a YAML line n is file line n + yamlFirstLine (1-based).
        var yamlFirstLine = frontMatter.Line + 1;
        try
        {
            map = YamlNodes.LoadMapping(frontMatter.Lines.ToString());
        }
        catch (YamlException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, (int)e.Start.Line + yamlFirstLine, $"invalid YAML: {e.Message}"));
            return null;
        }
        if (map is null)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, yamlFirstLine, "front matter is empty"));
            return null;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                lines[name] = map.LineOf(name, yamlFirstLine);
            }
        }
        foreach (var field in RequiredTopicFields.Where(f => map.Get(f) is null))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, yamlFirstLine, $"front matter is missing '{field}'"));
        }

        var bodyStart = frontMatter.Span.End + 1;
        var body = bodyStart < text.Length ? text[bodyStart..] : "";
        // bodyStart is the newline that ends the closing ---; the body starts on the line after it.
        var bodyLine = text.AsSpan(0, Math.Min(bodyStart + 1, text.Length)).Count('\n') + 1;
        var (answer, more) = SplitMore(body);

        var sources = map.Get("sources") is YamlSequenceNode seq
            ? seq.Children.Select(n => n.ToSource() ?? new Source("", "")).ToArray()
            : [];

        return new TopicEntry(
            Id: map.Scalar("id") ?? Path.GetFileName(Path.GetDirectoryName(file)) ?? "",
            Language: map.Scalar("lang") ?? Path.GetFileNameWithoutExtension(file),
            Title: map.Scalar("title") ?? "",
            Button: map.Scalar("button") ?? map.Scalar("title") ?? "",
            Examples: map.Strings("examples"),
            FollowUps: map.Strings("follow_ups"),
            ContactKeys: map.Strings("contacts"),
            Sources: sources,
            ReviewedOn: map.Date("reviewed_on"),
            Translation: map.Scalar("translation") ?? "",
            Answer: answer,
            More: more,
            FilePath: file,
            Lines: new TopicEntryLines(lines, bodyLine));
    }

    private static (string Answer, string? More) SplitMore(string body)
    {
        var at = body.IndexOf(MoreMarker, StringComparison.Ordinal);
        return at < 0
            ? (body.Trim(), null)
            : (body[..at].Trim(), body[(at + MoreMarker.Length)..].Trim() is { Length: > 0 } more ? more : null);
    }

    private static List<Contact> LoadContacts(string root, List<KnowledgeDiagnostic> diagnostics, List<CountryInfo> countries)
    {
        var contacts = new List<Contact>();
        var dir = Path.Combine(root, "contacts");
        if (!Directory.Exists(dir))
        {
            return contacts;
        }
        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (ReadYamlFile(file, diagnostics) is not { } map)
            {
                continue;
            }
            var country = map.Scalar("country") ?? Path.GetFileNameWithoutExtension(file);
            countries.Add(new CountryInfo(country, map.Scalar("name") ?? country, map.Scalar("dialing_code"), map.Strings("places"),
                map.Strings("urgent_contacts").Select(k => $"{country}.{k}").ToArray(), map.Strings("child_contacts").Select(k => $"{country}.{k}").ToArray()));
            if (map.Get("contacts") is not YamlSequenceNode list)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, 1, "missing 'contacts' list"));
                continue;
            }
            foreach (var item in list.Children.OfType<YamlMappingNode>())
            {
                var line = (int)item.Start.Line;
                var key = item.Scalar("key");
                var number = item.Scalar("number");
                if (key is null || number is null || item.Scalar("name") is null)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, file, line, "a contact needs 'key', 'name' and 'number'"));
                    continue;
                }
                var verified = string.Equals(item.Scalar("verified"), "true", StringComparison.OrdinalIgnoreCase);
                var contact = new Contact($"{country}.{key}", country, item.Scalar("name")!, number, item.Scalar("hours"),
                    item.Scalar("note"), verified, item.Date("verified_on"), item.Get("source").ToSource(),
                    ContactTranslations(item), new ContactLocation(file, line));
                if (verified && !contact.IsShowable)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"contact '{contact.Id}' is marked verified but lacks 'verified_on' or 'source'"));
                }
                if (contact.Source is { } source && (source.Title.Length == 0 || source.Url.Length == 0))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"contact '{contact.Id}' has a source without title and url"));
                }
                contacts.Add(contact);
            }
        }
        return contacts;
    }

    /// <summary><c>translations: { st: { name: …, hours: … } }</c>: the contact's words in other languages.</summary>
    private static Dictionary<string, ContactWords> ContactTranslations(YamlMappingNode contact) =>
        contact.Get("translations") is YamlMappingNode translations
            ? translations.Children
                .Where(pair => pair.Key is YamlScalarNode { Value.Length: > 0 } && pair.Value is YamlMappingNode)
                .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => new ContactWords(
                    ((YamlMappingNode)pair.Value).Scalar("name"), ((YamlMappingNode)pair.Value).Scalar("hours")), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, ContactWords>(StringComparer.OrdinalIgnoreCase);

    private static List<Fact> LoadFacts(string root, List<KnowledgeDiagnostic> diagnostics)
    {
        if (ReadYaml(root, "facts.yaml", diagnostics) is not { } map || map.Get("facts") is not YamlSequenceNode list)
        {
            return [];
        }
        return list.Children.OfType<YamlMappingNode>()
            .Where(f => f.Scalar("key") is not null && f.Scalar("value") is not null)
            .Select(f => new Fact(f.Scalar("key")!, f.Scalar("value")!, f.Date("as_of"), f.Get("source").ToSource()))
            .ToList();
    }

    private static Dictionary<string, LocaleStrings> LoadLocales(string root, List<KnowledgeDiagnostic> diagnostics)
    {
        var locales = new Dictionary<string, LocaleStrings>(StringComparer.OrdinalIgnoreCase);
        var dir = Path.Combine(root, "locales");
        if (!Directory.Exists(dir))
        {
            return locales;
        }
        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (ReadYamlFile(file, diagnostics) is not { } map)
            {
                continue;
            }
            var language = Path.GetFileNameWithoutExtension(file);
            var strings = map.Children
                .Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
                .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (((YamlScalarNode)kv.Value).Value ?? "").Trim(), StringComparer.Ordinal);
            locales[language] = new LocaleStrings(language, strings);
        }
        return locales;
    }

    /// <summary><c>understanding/&lt;lang&gt;.yaml</c>: <c>topics</c> (topic id → messages) and <c>none</c> (messages no topic answers).</summary>
    private static List<ForeignPhrasings> LoadForeignPhrasings(string root, List<KnowledgeDiagnostic> diagnostics)
    {
        var folder = Path.Combine(root, "understanding");
        var languages = new List<ForeignPhrasings>();
        if (!Directory.Exists(folder))
        {
            return languages;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (ReadYamlFile(file, diagnostics) is not { } map)
            {
                continue;
            }
            var language = map.Scalar("lang") ?? "";
            if (language != Path.GetFileNameWithoutExtension(file))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, map.LineOf("lang", 1), $"lang '{language}' does not match the file name"));
                continue;
            }
            var examples = new List<(string, string)>();
            if (map.Get("topics") is YamlMappingNode topics)
            {
                foreach (var (key, value) in topics.Children)
                {
                    if (key is YamlScalarNode { Value: { } topic } && value is YamlSequenceNode list)
                    {
                        examples.AddRange(list.Children.OfType<YamlScalarNode>().Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => (topic, s.Value!)));
                    }
                }
            }
            languages.Add(new ForeignPhrasings(language, examples, map.Strings("none"), file, (int)map.Start.Line,
                map.Scalar("translation"), map.Date("reviewed_on")));
        }
        return languages;
    }

    private static YamlMappingNode? ReadYaml(string root, string name, List<KnowledgeDiagnostic> diagnostics)
    {
        var file = Path.Combine(root, name);
        return File.Exists(file) ? ReadYamlFile(file, diagnostics) : null;
    }

    private static YamlMappingNode? ReadYamlFile(string file, List<KnowledgeDiagnostic> diagnostics)
    {
        try
        {
            return YamlNodes.LoadMapping(File.ReadAllText(file))
                ?? throw new YamlException("the file is empty or not a mapping");
        }
        catch (YamlException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, (int)e.Start.Line, $"invalid YAML: {e.Message}"));
            return null;
        }
    }
}
