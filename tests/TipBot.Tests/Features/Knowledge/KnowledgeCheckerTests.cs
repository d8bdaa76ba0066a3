using TipBot.Features.Knowledge;

namespace TipBot.Tests.Features.Knowledge;

public sealed class KnowledgeCheckerTests : IDisposable
{
    private const string Alpha = "topics/alpha/en.md";
    private readonly KnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeDiagnostic SingleError(IReadOnlyList<KnowledgeDiagnostic>? diagnostics = null)
    {
        // Translation gaps are warnings that a new English-only test topic causes on its own; only errors count here.
        diagnostics = (diagnostics ?? _folder.Check()).Where(d => d.Severity == DiagnosticSeverity.Error || !d.Reason.Contains(" entry; ", StringComparison.Ordinal)).ToList();
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join('\n', diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        return diagnostics[0];
    }

    private void AssertAt(KnowledgeDiagnostic diagnostic, string relativeFile, int line)
    {
        Assert.Equal(_folder.PathOf(relativeFile), diagnostic.File);
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void A_minimal_valid_knowledge_base_has_no_diagnostics()
    {
        var loaded = _folder.Load();
        var diagnostics = KnowledgeChecker.Check(loaded, KnowledgeFolder.RequiredTopics, KnowledgeFolder.Today);

        Assert.Empty(diagnostics);
        Assert.Equal(["alpha", "beta"], loaded.Knowledge.TopicIds);
        Assert.True(loaded.Knowledge.Contacts["za.police"].IsShowable);
        Assert.False(loaded.Knowledge.Contacts["za.unconfirmed-line"].IsShowable);
    }

    private void WriteForeign(string language, string topic, int count, string reviewed = "2026-11-01") =>
        _folder.Write($"understanding/{language}.yaml", $"lang: {language}\ntranslation: machine-drafted\nreviewed_on: {reviewed}\ntopics:\n  {topic}:\n"
            + string.Concat(Enumerable.Range(1, count).Select(i => $"    - \"message {i} about {topic}\"\n")) + "none:\n  - \"la meteo demain\"\n");

    [Fact]
    public void Messages_in_a_language_only_understood_load_with_their_topics_and_out_of_scope_lines()
    {
        WriteForeign("fr", "alpha", KnowledgeChecker.MinForeignExamples);

        var foreign = Assert.Single(_folder.Load().Knowledge.Foreign);

        Assert.DoesNotContain(_folder.Check(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("fr", foreign.Language);
        Assert.Equal(KnowledgeChecker.MinForeignExamples, foreign.Examples.Count(e => e.TopicId == "alpha"));
        Assert.Equal(["la meteo demain"], foreign.OutOfScope);
    }

    [Theory]
    [InlineData("fr", "gamma", KnowledgeChecker.MinForeignExamples, "unknown topic 'gamma'")]
    [InlineData("fr", "alpha", KnowledgeChecker.MinForeignExamples - 1, "at least")]
    [InlineData("en", "alpha", KnowledgeChecker.MinForeignExamples, "a language TipBot answers in")]
    public void Checker_reports_understood_only_messages_that_cannot_work(string language, string topic, int count, string reason)
    {
        WriteForeign(language, topic, count);

        var error = SingleError();

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf($"understanding/{language}.yaml"), error.File);
    }

    [Fact]
    public void Checker_reports_a_topic_without_English_entry()
    {
        // A Sesotho-only topic does not count: every topic needs English.
        _folder.WriteTopic(new TopicSpec("gamma"), language: "st");

        var error = SingleError(_folder.Check(["alpha", "beta", "gamma", "none"]));

        Assert.Contains("'gamma' has no English entry", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.TopicPath("gamma"), error.File);
    }

    [Fact]
    public void Checker_does_not_ask_for_a_topic_file_for_none()
    {
        Assert.Empty(_folder.Check(["alpha", "none"]));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("lang")]
    [InlineData("title")]
    [InlineData("button")]
    [InlineData("examples")]
    [InlineData("sources")]
    [InlineData("reviewed_on")]
    [InlineData("translation")]
    public void Checker_reports_a_missing_front_matter_field(string field)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Omit = new HashSet<string> { field } });

        var diagnostics = _folder.Check();

        var missing = Assert.Single(diagnostics, d => d.Reason.Contains($"missing '{field}'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, missing.Severity);
        Assert.Equal(_folder.TopicPath("alpha"), missing.File);
        Assert.InRange(missing.Line, 1, _folder.FrontMatterEnd(Alpha));
    }

    [Fact]
    public void Checker_rejects_fewer_than_20_examples()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { ExampleCount = KnowledgeChecker.MinExamples - 1 });

        var error = SingleError();

        Assert.Contains("19 example phrasings", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.TopicPath("alpha"), error.File);
        // The line of "examples:" or of its first item.
        Assert.InRange(error.Line, _folder.LineOf(Alpha, "examples:"), _folder.LineOf(Alpha, "examples:") + 1);
    }

    [Fact]
    public void Checker_rejects_an_unknown_follow_up()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { FollowUps = ["beta", "gamma"] });

        var error = SingleError();

        Assert.Contains("unknown follow_up topic 'gamma'", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "follow_ups:"));
    }

    [Theory]
    [InlineData("sources:\n  - url: https://www.ilo.org/fair-recruitment")]
    [InlineData("sources:\n  - title: \"ILO guidelines\"")]
    [InlineData("sources:\n  - title: \"ILO guidelines\"\n    url: www.ilo.org")]
    public void Checker_rejects_a_source_without_title_or_url(string sources)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { SourcesYaml = sources });

        var error = SingleError();

        Assert.Contains("a source needs a title and an absolute url", error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Line, _folder.LineOf(Alpha, "sources:"), _folder.LineOf(Alpha, "sources:") + 1);
    }

    [Fact]
    public void Checker_rejects_an_empty_source_list()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { SourcesYaml = "sources: []" });

        Assert.Contains("at least one source", SingleError().Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("28/11/2026")]
    public void Checker_rejects_a_missing_or_malformed_review_date(string? reviewedOn)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { ReviewedOn = reviewedOn });

        var diagnostics = _folder.Check();

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.File == _folder.TopicPath("alpha")
            && d.Reason.Contains("reviewed_on", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Checker_warns_without_failing_when_a_review_is_older_than_a_year()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { ReviewedOn = "2025-11-27" });

        var diagnostic = Assert.Single(_folder.Check());

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("2025-11-27", diagnostic.Reason, StringComparison.Ordinal);
        AssertAt(diagnostic, Alpha, _folder.LineOf(Alpha, "reviewed_on:"));
    }

    [Fact]
    public void Checker_accepts_a_review_exactly_a_year_old()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { ReviewedOn = "2025-11-28" });

        Assert.Empty(_folder.Check());
    }

    [Fact]
    public void Checker_rejects_an_unknown_translation_status()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Translation = "google" });

        var error = SingleError();

        Assert.Contains("translation must be one of", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "translation:"));
    }

    [Fact]
    public void Checker_rejects_a_contact_key_that_does_not_exist()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Contacts = ["za.police", "za.nobody"] });

        var error = SingleError();

        Assert.Contains("contact 'za.nobody' does not exist", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "contacts:"));
    }

    [Fact]
    public void Checker_rejects_an_unverified_contact()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Contacts = ["za.unconfirmed-line"] });

        var error = SingleError();

        Assert.Contains("'za.unconfirmed-line' is not verified", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "contacts:"));
    }

    [Theory]
    [InlineData("", "has no st name")]
    [InlineData("    translations:\n      st: { hours: \"lihora tse 24\" }\n", "has no st name")]
    [InlineData("    translations:\n      st: { name: \"Sepolesa\" }\n", "has no st hours")]
    public void Checker_rejects_a_shown_contact_not_named_in_every_language_TipBot_answers_in(string translations, string reason)
    {
        _folder.Edit("contacts/za.yaml", "    translations:\n      st: { name: \"Sepolesa\", hours: \"lihora tse 24\" }\n", translations);

        var error = SingleError();

        Assert.Contains($"contact 'za.police' {reason}", error.Reason, StringComparison.Ordinal);
        AssertAt(error, "contacts/za.yaml", _folder.LineOf("contacts/za.yaml", "- key: police"));
    }

    [Fact]
    public void A_contact_is_named_in_the_language_of_the_answer_and_in_English_where_a_word_is_missing()
    {
        var police = _folder.Load().Knowledge.Contacts["za.police"];

        Assert.Equal(new ContactWords("Sepolesa", "lihora tse 24"), police.WordsIn("st"));
        Assert.Equal(new ContactWords("Police emergency", "24 hours"), police.WordsIn("en"));
        Assert.Equal(new ContactWords("Police emergency", "24 hours"), police.WordsIn("fr"));
    }

    [Theory]
    [InlineData("{{contact:za.nobody}}", "does not exist")]
    [InlineData("{{contact:za.unconfirmed-line}}", "is not verified")]
    [InlineData("{{fact:za.no-such-fact}}", "does not exist in facts.yaml")]
    public void Checker_rejects_a_bad_reference_in_the_answer_text_at_its_line(string placeholder, string reason)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = "First line of the answer.\nThen call " + placeholder + " today." });

        var error = SingleError();

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "Then call"));
    }

    [Theory]
    [InlineData("082 123 4567")]
    [InlineData("+27 82 123 4567")]
    [InlineData("0800-555-123")]
    [InlineData("26650123456")]
    public void Checker_rejects_a_phone_number_typed_into_the_answer(string number)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { More = "Some details first.\nCall the office on " + number + " for help." });

        var error = SingleError();

        Assert.Contains("looks like a phone number", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "Call the office"));
    }

    [Fact]
    public void Checker_rejects_a_contacts_number_typed_into_the_answer()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = "Phone the police on 10111 now." });

        var diagnostics = _folder.Check();

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Reason.Contains("{{contact:za.police}}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The agent asked for R3500.")]
    [InlineData("The agent asked for R3 500.")]
    [InlineData("The agent asked for M1,500 and then R12,000.")]
    [InlineData("Minimum wage is R30.23 per hour.")]
    [InlineData("This happened between 2021-2026 to many people.")]
    [InlineData("This happened between 2021 - 2026 to many people.")]
    [InlineData("The agent asked for R 3 500.")]
    [InlineData("The new rate applies from 2026-03-01.")]
    public void Checker_does_not_take_money_or_years_for_phone_numbers(string text)
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = text });

        Assert.Empty(_folder.Check());
    }

    [Fact]
    public void Checker_rejects_a_first_screen_longer_than_700_characters_without_a_more_part()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = new string('a', 701), More = null });

        var error = SingleError();

        Assert.Contains("701 characters", error.Reason, StringComparison.Ordinal);
        Assert.Contains(KnowledgeLoader.MoreMarker, error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "aaaa"));
    }

    [Fact]
    public void Checker_rejects_a_first_screen_longer_than_700_characters_before_the_more_part()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = new string('a', 701) });

        Assert.Contains("the part before", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_accepts_a_first_screen_of_exactly_700_characters_and_a_long_more_part()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = new string('a', 700), More = new string('b', 3000) });

        Assert.Empty(_folder.Check());
    }

    [Fact]
    public void Checker_rejects_an_empty_answer()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Answer = "", More = null });

        Assert.Contains("the answer is empty", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_rejects_a_button_longer_than_20_characters()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Button = "Paying a recruiter ok" });

        var error = SingleError();

        Assert.Contains("longer than 20 characters", error.Reason, StringComparison.Ordinal);
        AssertAt(error, Alpha, _folder.LineOf(Alpha, "button:"));
    }

    [Fact]
    public void Checker_accepts_a_button_of_exactly_20_characters()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Button = "Paying a recruiter o" });

        Assert.Empty(_folder.Check());
    }

    [Fact]
    public void Checker_rejects_an_id_that_does_not_match_its_folder()
    {
        _folder.WriteTopic(new TopicSpec("gamma"), folder: "gama");

        var error = SingleError();

        Assert.Contains("id 'gamma' does not match its folder 'gama'", error.Reason, StringComparison.Ordinal);
        AssertAt(error, "topics/gama/en.md", _folder.LineOf("topics/gama/en.md", "id:"));
    }

    [Fact]
    public void Checker_rejects_a_lang_that_does_not_match_the_file_name()
    {
        _folder.Write("topics/alpha/st.md", new TopicSpec("alpha").ToMarkdown("tn"));

        var error = SingleError();

        Assert.Contains("lang 'tn' does not match the file name", error.Reason, StringComparison.Ordinal);
        AssertAt(error, "topics/alpha/st.md", _folder.LineOf("topics/alpha/st.md", "lang:"));
    }

    [Fact]
    public void Checker_rejects_a_menu_naming_an_unknown_topic()
    {
        _folder.Edit("menu.yaml", "  - beta", "  - beta\n  - gamma");

        var error = SingleError();

        Assert.Contains("unknown topic 'gamma'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("menu.yaml"), error.File);
    }

    [Fact]
    public void Checker_rejects_a_locale_missing_a_key_of_the_English_locale()
    {
        _folder.Edit("locales/st.yaml", "button.menu: \"Lenane\"", "");

        var error = SingleError();

        Assert.Contains("missing string 'button.menu'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("locales/st.yaml"), error.File);
    }

    [Fact]
    public void Checker_rejects_a_locale_button_longer_than_whatsapp_allows()
    {
        _folder.Edit("locales/st.yaml", "button.menu: \"Lenane\"", "button.menu: \"Lenane le leholo la lihlooho\"");

        var error = SingleError();

        Assert.Contains("button string 'button.menu'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf("locales/st.yaml"), error.File);
    }

    [Fact]
    public void Diagnostics_print_as_file_line_severity_and_reason()
    {
        _folder.WriteTopic(new TopicSpec("alpha") { Button = "Paying a recruiter ok" });

        var text = SingleError().ToString();

        Assert.StartsWith($"{_folder.TopicPath("alpha")}:{_folder.LineOf(Alpha, "button:")}: error: button 'Paying a recruiter ok'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_warns_about_a_topic_missing_in_a_supported_language_without_failing()
    {
        File.Delete(_folder.TopicPath("beta", "st"));

        var diagnostics = _folder.Check();

        var gap = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, gap.Severity);
        Assert.Contains("'beta' has no st entry", gap.Reason, StringComparison.Ordinal);
    }
}
