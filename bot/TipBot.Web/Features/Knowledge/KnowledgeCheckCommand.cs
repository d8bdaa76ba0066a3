using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TipBot.Features.Knowledge;

/// <summary><c>knowledge check [--topics topics.md]</c>: validates the knowledge base; exit 1 on any error.</summary>
public static partial class KnowledgeCheckCommand
{
    public static int Run(KnowledgeStore store, IReadOnlyList<string> args, TextWriter output, TimeProvider time)
    {
        var topicsFile = args.SkipWhile(a => a != "--topics").Skip(1).FirstOrDefault();
        if (topicsFile is not null && !File.Exists(topicsFile))
        {
            output.WriteLine($"knowledge check: topics file not found: {Path.GetFullPath(topicsFile)}");
            return 2;
        }
        var loaded = KnowledgeLoader.Load(store.Root);
        var required = topicsFile is null ? ReadTopicIds(Path.Combine(loaded.Root, "topic-ids.yaml")) : ReadTopicsMarkdown(topicsFile);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var diagnostics = KnowledgeChecker.Check(loaded, required, today);

        foreach (var diagnostic in diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            output.WriteLine(diagnostic);
        }
        var knowledge = loaded.Knowledge;
        output.WriteLine($"{knowledge.TopicIds.Count} topics, {knowledge.Contacts.Count} contacts ({knowledge.Contacts.Values.Count(c => c.IsShowable)} verified), {knowledge.Entries.Count} entries");
        foreach (var language in knowledge.Languages)
        {
            var topics = knowledge.Entries.Count(e => e.Language == language);
            var strings = knowledge.Locales.GetValueOrDefault(language)?.All.Count ?? 0;
            output.WriteLine($"  {language}: {topics}/{required.Count(id => id != "none")} topics, {strings}/{knowledge.Strings(KnowledgeBase.DefaultLanguage).All.Count} strings");
        }
        if (knowledge.Safety.Urgency is { } urgency)
        {
            output.WriteLine($"  safety: {knowledge.Safety.Patterns.Count} patterns, urgency examples {urgency.UrgentCount} urgent / {urgency.CalmCount} calm");
        }
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        output.WriteLine(errors == 0 ? $"knowledge check passed ({warnings} warnings)" : $"knowledge check failed: {errors} errors, {warnings} warnings");
        return errors == 0 ? 0 : 1;
    }

    private static List<string> ReadTopicIds(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }
        var map = YamlNodes.LoadMapping(File.ReadAllText(file));
        return map is null ? [] : [.. map.Strings("topics")];
    }

    /// <summary>Reads the ids from the tables of shared/spec/topics.md (rows starting with | `id` |).</summary>
    internal static List<string> ReadTopicsMarkdown(string file) =>
        [.. File.ReadLines(file).Select(line => TopicRow().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\|\s*`([a-z0-9-]+)`\s*\|")]
    private static partial Regex TopicRow();
}
