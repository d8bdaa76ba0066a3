using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Tests.Features.Knowledge;

namespace TipBot.Tests.Features.Safety;

/// <summary>`knowledge check` on the safety files: every mistake is an error with its file and line.</summary>
public sealed class SafetyRulesCheckerTests : IDisposable
{
    private const string English = "safety/en.yaml";
    private readonly KnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeDiagnostic SingleError()
    {
        var errors = _folder.Check().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join('\n', errors));
        return errors[0];
    }

    [Fact]
    public void A_valid_pattern_file_has_no_errors()
    {
        Assert.DoesNotContain(_folder.Check(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Single(_folder.Load().Knowledge.Safety.Patterns);
    }

    [Fact]
    public void Missing_urgency_examples_are_an_error_and_the_patterns_still_load()
    {
        File.Delete(_folder.PathOf(KnowledgeFolder.UrgencyExamples));

        var error = SingleError();

        Assert.Contains("urgency examples not found", error.Reason, StringComparison.Ordinal);
        Assert.Null(_folder.Load().Knowledge.Safety.Urgency);
        Assert.Single(_folder.Load().Knowledge.Safety.Patterns);
    }

    [Fact]
    public void Too_few_urgency_examples_of_a_label_are_an_error_at_that_label()
    {
        _folder.WriteUrgencyExamples(urgent: UrgencyModel.MinExamples, calm: 3);

        var error = SingleError();

        Assert.Contains("'calm' has 3 examples", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(KnowledgeFolder.UrgencyExamples, "calm:"), error.Line);
        Assert.Null(_folder.Load().Knowledge.Safety.Urgency);
    }

    [Fact]
    public void A_calm_topic_that_is_not_a_topic_is_an_error()
    {
        _folder.Edit("safety/signals.yaml", "signals:", "calm_topics: [alpha, privacyy]\nsignals:");

        Assert.Contains("calm_topics names unknown topic 'privacyy'", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_message_spelling_is_written_out_before_the_patterns_run()
    {
        _folder.Edit(English, "cues:", "spellings:\n  lokd: locked\n  dey: they\ncues:");

        var safety = _folder.Load().Knowledge.Safety;

        Assert.True(SafetyTriage.Assess(safety, new SafetyInput("dey lokd me in")).IsUrgent);
        Assert.Equal("they locked me in , lokdown", SafetyText.Normalize("Dey lokd me in, lokdown", safety.Spellings));
    }

    [Fact]
    public void Two_language_files_spelling_one_word_differently_is_an_error()
    {
        _folder.Edit(English, "cues:", "spellings:\n  wer: where\ncues:");
        _folder.Write("safety/st.yaml", """
            lang: st
            spellings:
              wer: were
            patterns: []
            """);

        var error = SingleError();

        Assert.Contains("spelling 'wer' is already written 'where' in en.yaml", error.Reason, StringComparison.Ordinal);
        Assert.EndsWith("st.yaml", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spelling_of_more_than_one_word_is_an_error()
    {
        _folder.Edit(English, "cues:", "spellings:\n  right now: rn\ncues:");

        Assert.Contains("must map one lower-case word", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regex_that_does_not_compile_is_an_error_at_its_line()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'locked (?:me|us in'");

        var error = SingleError();

        Assert.Contains("invalid regular expression", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.PathOf(English), error.File);
        Assert.Equal(_folder.LineOf(English, "regex:"), error.Line);
    }

    [Fact]
    public void A_lookaround_is_rejected_because_patterns_must_stay_linear()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'locked (?=me)me in'");

        var error = SingleError();

        Assert.Contains("not allowed in a safety pattern", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "regex:"), error.Line);
        Assert.Equal(_folder.PathOf(English), error.File);
    }

    [Fact]
    public void A_serving_load_skips_the_linearity_proof_and_keeps_the_pattern_running()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'locked (?=me)me in'");

        var serving = KnowledgeLoader.Load(_folder.Root, proveLinearSafetyPatterns: false);

        Assert.DoesNotContain(serving.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(SafetyTriage.Assess(serving.Knowledge.Safety, new SafetyInput("they locked me in")).IsUrgent);
    }

    [Fact]
    public void An_upper_case_pattern_is_rejected_because_messages_are_lower_cased()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'Locked (?:me|us) in'");

        Assert.Contains("upper case", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_whose_optional_end_strands_a_space_is_an_error_at_its_regex()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'locked (?:me|us) in (?:here)?'");
        // A positive example that goes on after "in" passes, which is how such a pattern got past review.
        _folder.Edit(English, "      - they locked me in\n", "      - they locked me in here again\n");

        var error = SingleError();

        Assert.Contains("pattern 'locked-in': 'locked (?:me|us) in (?:here)?' only matches when another word follows", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "regex: 'locked"), error.Line);
    }

    [Fact]
    public void A_serving_load_keeps_a_pattern_whose_optional_end_strands_a_space()
    {
        _folder.Edit(English, "regex: 'locked (?:me|us) in'", "regex: 'locked (?:me|us) in (?:here)?'");

        var serving = KnowledgeLoader.Load(_folder.Root, proveLinearSafetyPatterns: false);

        Assert.DoesNotContain(serving.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(SafetyTriage.Assess(serving.Knowledge.Safety, new SafetyInput("they locked me in here")).IsUrgent);
    }

    [Fact]
    public void A_cue_whose_optional_end_strands_a_space_is_an_error()
    {
        _folder.Edit(English, "negation: [not, never]", "negation: [not, 'never (?:ever)?']");

        Assert.Contains("cue 'negation': 'never (?:ever)?' only matches when another word follows", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_without_negative_examples_is_an_error_at_the_pattern()
    {
        _folder.Edit(English, "    negative:\n      - they have not locked me in\n", "");

        var error = SingleError();

        Assert.Contains("at least one positive and one negative example", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "- id: locked-in"), error.Line);
    }

    [Fact]
    public void A_positive_example_that_does_not_match_is_an_error_at_the_example()
    {
        _folder.Edit(English, "      - they locked me in\n", "      - they locked me in\n      - the door was open all day\n");

        var error = SingleError();

        Assert.Contains("positive example of 'en.locked-in' does not match it", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "- the door was open all day"), error.Line);
    }

    [Fact]
    public void A_negative_example_that_makes_the_pattern_count_is_an_error_at_the_example()
    {
        _folder.Edit(English, "      - they have not locked me in\n", "      - they have not locked me in\n      - yes they locked us in again\n");

        var error = SingleError();

        Assert.Contains("negative example of 'en.locked-in' makes it count", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "- yes they locked us in again"), error.Line);
    }

    [Fact]
    public void A_pattern_naming_an_unknown_signal_is_an_error()
    {
        _folder.Edit(English, "signal: confined", "signal: trapped");

        var error = SingleError();

        Assert.Contains("unknown signal 'trapped'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(_folder.LineOf(English, "signal:"), error.Line);
    }

    [Fact]
    public void An_outlasts_escape_that_is_not_true_or_false_is_an_error()
    {
        _folder.Edit("safety/signals.yaml", "kind: danger\n  - id: minor", "kind: danger\n    outlasts_escape: yes\n  - id: minor");

        Assert.Contains("outlasts_escape is true or false, not 'yes'", SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_signals_file_is_an_error()
    {
        File.Delete(_folder.PathOf("safety/signals.yaml"));

        Assert.Contains(_folder.Check(), d => d.Severity == DiagnosticSeverity.Error && d.Reason.Contains("safety signals file not found", StringComparison.Ordinal));
    }
}
