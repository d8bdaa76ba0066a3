using System.Globalization;
using System.Text;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Knowledge;

/// <summary>
/// A small knowledge base in a temporary folder that passes every check: two topics (alpha, beta), a South
/// African contact file with one verified and one unverified contact, a fact, English and Sesotho strings,
/// a menu, out-of-scope examples, one safety pattern and the fewest urgency examples allowed. Each test breaks one thing and looks for the one diagnostic it causes.
/// </summary>
internal sealed class KnowledgeFolder : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly string[] RequiredTopics = ["alpha", "beta", "none"];

    private readonly TempDirectory _directory = new("tipbot-knowledge-");

    public KnowledgeFolder()
    {
        WriteTopic(new TopicSpec("alpha"));
        WriteTopic(new TopicSpec("beta") { FollowUps = ["alpha"], Answer = "Beta answer: ask {{org}} for help, or call {{contact:za.police}}.", More = null });
        WriteTopic(new TopicSpec("alpha") { Translation = "machine-drafted" }, language: "st");
        WriteTopic(new TopicSpec("beta") { FollowUps = ["alpha"], Answer = "Karabo ea beta: letsetsa {{contact:za.police}}.", More = null, Translation = "machine-drafted" }, language: "st");
        Write("contacts/za.yaml", """
            country: za
            name: South Africa
            contacts:
              - key: police
                name: Police emergency
                number: "10111"
                hours: 24 hours
                verified: true
                verified_on: 2026-02-03
                source: { title: "Police page", url: "https://police.example.org/" }
                translations:
                  st: { name: "Sepolesa", hours: "lihora tse 24" }
              - key: unconfirmed-line
                name: A line nobody has checked
                number: "0800 000 111"
                verified: false
            """);
        Write("facts.yaml", """
            facts:
              - key: za.wage
                value: "R30.23 per hour"
                as_of: 2026-03-01
                source: { title: "Gazette", url: "https://gazette.example.org/" }
            """);
        Write("locales/en.yaml", """
            welcome: "Hello from {org}."
            menu.intro: "Here is what I can help with."
            button.menu: "Menu"
            """);
        Write("locales/st.yaml", """
            welcome: "Lumela ho tsoa ho {org}."
            menu.intro: "Ke khona ho thusa ka tsena."
            button.menu: "Lenane"
            """);
        Write("menu.yaml", """
            topics:
              - alpha
              - beta
            """);
        Write("safety/signals.yaml", """
            signals:
              - id: confined
                level: urgent
                kind: danger
              - id: minor
                level: concern
                kind: exploitation
              - id: reads-urgent
                level: urgent
                kind: danger
            """);
        WriteUrgencyExamples(UrgencyModel.MinExamples, UrgencyModel.MinExamples);
        Write("safety/en.yaml", """
            lang: en
            cues:
              negation: [not, never]
            patterns:
              - id: locked-in
                signal: confined
                regex: 'locked (?:me|us) in'
                positive:
                  - they locked me in
                negative:
                  - they have not locked me in
            """);
        Write("out-of-scope.yaml", """
            examples:
              - "who won the match last night"
              - "weather in maseru tomorrow"
            """);
    }

    public string Root => _directory.Path;

    public const string UrgencyExamples = "safety/urgency/examples.yaml";

    /// <summary>The urgency model's examples: as few as it accepts, unless a test asks for fewer.</summary>
    public void WriteUrgencyExamples(int urgent, int calm) => Write(UrgencyExamples, string.Join('\n',
        ["reviewed_on: 2026-11-29", "urgent:", .. Enumerable.Range(1, urgent).Select(i => $"  - they locked us in room {i} and took our phones"),
         "calm:", .. Enumerable.Range(1, calm).Select(i => $"  - what papers do i need for job number {i}")]));

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public string TopicPath(string id, string language = "en") => PathOf($"topics/{id}/{language}.md");

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    public void WriteTopic(TopicSpec topic, string? folder = null, string language = "en") =>
        Write($"topics/{folder ?? topic.Id}/{language}.md", topic.ToMarkdown(language));

    /// <summary>Replaces text that must be there (so a test cannot silently break nothing).</summary>
    public void Edit(string relative, string find, string replace)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>The 1-based line of the first line that starts with <paramref name="prefix"/> (after indentation).</summary>
    public int LineOf(string relative, string prefix)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line starting with '{prefix}' in {relative}");
        return index + 1;
    }

    /// <summary>The 1-based line of the closing --- of a topic's front matter.</summary>
    public int FrontMatterEnd(string relative) =>
        File.ReadAllLines(PathOf(relative)).Select((l, i) => (l, i)).Where(x => x.l == "---").Skip(1).First().i + 1;

    public KnowledgeLoadResult Load() => KnowledgeLoader.Load(Root);

    public IReadOnlyList<KnowledgeDiagnostic> Check(IReadOnlyCollection<string>? required = null, DateOnly? today = null) =>
        KnowledgeChecker.Check(Load(), required ?? RequiredTopics, today ?? Today);

    public void Dispose() => _directory.Dispose();
}

/// <summary>One topic file; the defaults pass every rule.</summary>
internal sealed record TopicSpec(string Id)
{
    public string Title { get; init; } = "The " + Id + " topic";
    public string Button { get; init; } = "About " + Id;
    public int ExampleCount { get; init; } = KnowledgeChecker.MinExamples;
    public IReadOnlyList<string> FollowUps { get; init; } = ["beta"];
    public IReadOnlyList<string> Contacts { get; init; } = ["za.police"];
    public string SourcesYaml { get; init; } = "sources:\n  - title: \"ILO fair recruitment guidelines\"\n    url: https://www.ilo.org/fair-recruitment";
    public string? ReviewedOn { get; init; } = "2026-11-01";
    public string Translation { get; init; } = "original";
    public string Answer { get; init; } = "**Do not pay a recruiter.** If you are in danger call {{contact:za.police}}. Pay is at least {{fact:za.wage}}.";
    public string? More { get; init; } = "A fee of R3500 or R3 500 (or M1,500) is a warning sign; it happened to many people in 2021-2026.";

    /// <summary>Front matter keys to leave out.</summary>
    public IReadOnlySet<string> Omit { get; init; } = new HashSet<string>();

    public string ToMarkdown(string language)
    {
        var text = new StringBuilder("---\n");
        void Field(string key, string yaml)
        {
            if (!Omit.Contains(key))
            {
                text.Append(yaml).Append('\n');
            }
        }
        Field("id", $"id: {Id}");
        Field("lang", $"lang: {language}");
        Field("title", $"title: {Title}");
        Field("button", $"button: \"{Button}\"");
        Field("examples", "examples:\n" + string.Concat(Enumerable.Range(1, ExampleCount).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"  - \"how do i ask about {Id} number {i}\"\n"))).TrimEnd('\n'));
        Field("follow_ups", $"follow_ups: [{string.Join(", ", FollowUps)}]");
        Field("contacts", $"contacts: [{string.Join(", ", Contacts)}]");
        Field("sources", SourcesYaml);
        if (ReviewedOn is not null)
        {
            Field("reviewed_on", $"reviewed_on: {ReviewedOn}");
        }
        Field("translation", $"translation: {Translation}");
        text.Append("---\n").Append(Answer).Append('\n');
        if (More is not null)
        {
            text.Append('\n').Append(KnowledgeLoader.MoreMarker).Append("\n\n").Append(More).Append('\n');
        }
        return text.ToString();
    }
}
