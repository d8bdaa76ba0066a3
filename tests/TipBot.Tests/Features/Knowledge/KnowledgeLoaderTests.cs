using TipBot.Features.Knowledge;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Knowledge;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private const string Alpha = "topics/alpha/en.md";
    private readonly KnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeDiagnostic SingleError()
    {
        var diagnostics = _folder.Check();
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join('\n', diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        return diagnostics[0];
    }

    [Fact]
    public void Loader_reads_a_topic_with_its_answer_more_part_and_fields()
    {
        var alpha = _folder.Load().Knowledge.Find("alpha", "en");

        Assert.NotNull(alpha);
        Assert.Equal("The alpha topic", alpha.Title);
        Assert.Equal("About alpha", alpha.Button);
        Assert.Equal(KnowledgeChecker.MinExamples, alpha.Examples.Count);
        Assert.Equal(["beta"], alpha.FollowUps);
        Assert.Equal(["za.police"], alpha.ContactKeys);
        Assert.Equal(new DateOnly(2026, 11, 1), alpha.ReviewedOn);
        Assert.StartsWith("**Do not pay a recruiter.**", alpha.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgeLoader.MoreMarker, alpha.Answer, StringComparison.Ordinal);
        Assert.StartsWith("A fee of R3500", alpha.More, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_reports_a_topic_file_without_front_matter_at_line_1()
    {
        _folder.Write(Alpha, "Just an answer, no front matter.");

        var diagnostics = _folder.Check();

        var error = Assert.Single(diagnostics, d => d.Reason.Contains("missing YAML front matter", StringComparison.Ordinal));
        Assert.Equal(_folder.TopicPath("alpha"), error.File);
        Assert.Equal(1, error.Line);
        // Without its file the topic is gone, and the checker says so too.
        Assert.Contains(diagnostics, d => d.Reason.Contains("'alpha' has no English entry", StringComparison.Ordinal));
    }

    [Fact]
    public void Loader_reports_an_empty_front_matter()
    {
        _folder.Write(Alpha, "---\n# nothing here yet\n---\nAn answer without fields.");

        var error = Assert.Single(_folder.Check(), d => d.File == _folder.TopicPath("alpha") && d.Line > 0);

        Assert.Contains("front matter is empty", error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Line, 1, 3);
    }

    [Fact]
    public void Loader_reports_invalid_front_matter_YAML_at_its_line()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Translation = "original\nbroken: a: b" });

        var error = Assert.Single(_folder.Check(), d => d.Reason.Contains("invalid YAML", StringComparison.Ordinal));

        Assert.Equal(_folder.TopicPath("alpha"), error.File);
        Assert.Equal(_folder.LineOf(Alpha, "broken:"), error.Line);
    }

    [Fact]
    public void Loader_reports_a_contact_without_a_number_at_its_line()
    {
        _folder.Edit("contacts/za.yaml", "    number: \"0800 000 111\"\n", "");

        var error = SingleError();

        Assert.Contains("needs 'key', 'name' and 'number'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("contacts/za.yaml"), error.File);
        Assert.Equal(_folder.LineOf("contacts/za.yaml", "- key: unconfirmed-line"), error.Line);
    }

    [Fact]
    public void Loader_reports_a_contact_marked_verified_without_date_or_source()
    {
        _folder.Edit("contacts/za.yaml", "    verified_on: 2026-02-03\n", "");

        var diagnostics = _folder.Check();

        var error = Assert.Single(diagnostics, d => d.File == _folder.PathOf("contacts/za.yaml"));
        Assert.Contains("'za.police' is marked verified but lacks 'verified_on' or 'source'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf("contacts/za.yaml", "- key: police"), error.Line);
        // Such a contact is never shown, so the topics using it fail too.
        Assert.Contains(diagnostics, d => d.File == _folder.TopicPath("alpha") && d.Reason.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Loader_reports_a_contact_source_without_title_and_url()
    {
        _folder.Edit("contacts/za.yaml", "source: { title: \"Police page\", url: \"https://police.example.org/\" }", "source: { title: \"Police page\" }");

        var error = Assert.Single(_folder.Check(), d => d.File == _folder.PathOf("contacts/za.yaml"));

        Assert.Contains("has a source without title and url", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_reports_a_contacts_file_without_a_contacts_list()
    {
        _folder.Write("contacts/ls.yaml", "country: ls\nname: Lesotho\n");

        var error = SingleError();

        Assert.Contains("missing 'contacts' list", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("contacts/ls.yaml"), error.File);
    }

    [Fact]
    public void Loader_reports_invalid_YAML_in_a_data_file_with_its_line()
    {
        _folder.Write("menu.yaml", "topics:\n  - alpha\nbroken: a: b");

        var error = SingleError();

        Assert.Contains("invalid YAML", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("menu.yaml"), error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Loader_requires_the_English_locale()
    {
        File.Delete(_folder.PathOf("locales/en.yaml"));

        var diagnostics = _folder.Check();

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Reason.Contains("English locale is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Loader_reports_a_missing_knowledge_folder_without_throwing()
    {
        using var empty = new TempDirectory();

        var missing = KnowledgeLoader.Load(empty.Combine("nowhere"));
        var noTopics = KnowledgeLoader.Load(empty.Path);

        Assert.Contains(missing.Diagnostics, d => d.Reason.Contains("knowledge folder not found", StringComparison.Ordinal));
        Assert.Contains(noTopics.Diagnostics, d => d.Reason.Contains("topics folder not found", StringComparison.Ordinal));
        Assert.Empty(missing.Knowledge.Entries);
    }
}
