using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// An expression that runs past its match timeout (a hostile message, or a machine too busy to schedule the check)
/// must not cost an urgent message its urgency. The expression below backtracks exponentially on a run of a's, so
/// the interpreter times out on it within its (shortened) timeout; the linear engine answers.
/// </summary>
public sealed class SafetyRegexTimeoutTests
{
    private const string Backtracking = @"\b(?:(?:a|aa)+b|they locked me in)\b";
    private static readonly string Hostile = new string('a', 40) + " x, they locked me in";
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void An_expression_past_its_timeout_answers_on_the_linear_engine_and_stays_there()
    {
        var regex = new SafetyRegex(Backtracking, Short);

        Assert.True(regex.IsMatch(Hostile));
        Assert.True(regex.IsLinear);
        Assert.False(regex.IsMatch(new string('a', 40) + " x"));
    }

    [Fact]
    public void A_compiled_expression_past_its_timeout_also_answers_on_the_linear_engine()
    {
        var regex = new SafetyRegex(Backtracking, Short);
        regex.Compile();

        Assert.True(regex.IsMatch(Hostile));
        Assert.True(regex.IsLinear);
    }

    [Fact]
    public void An_urgent_pattern_that_times_out_still_makes_the_message_urgent()
    {
        var signal = new SignalDefinition("locked-in", SafetyLevel.Urgent, SignalKind.Danger, ["restricted-movement"]);
        var pattern = new SafetyPattern("en.locked-in", "en", signal, SafetyLevel.Urgent, Present: true, Conditional: false,
            new SafetyRegex(Backtracking, Short), Unless: null, [new SafetyExample("they locked me in", 1)], [new SafetyExample("a b", 2)], "test.yaml", 1);
        var rules = new SafetyRules(new Dictionary<string, SignalDefinition> { [signal.Id] = signal },
            [new SafetyLanguage("en", "test.yaml", SafetyCues.None, [pattern], [])], new Dictionary<string, string>());

        var assessment = SafetyTriage.Assess(rules, new SafetyInput(Hostile));

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("en.locked-in", assessment.Patterns);
    }

    [Fact]
    public void A_cue_that_times_out_still_discounts_its_match()
    {
        var signal = new SignalDefinition("beaten", SafetyLevel.Urgent, SignalKind.Danger, ["violence"]);
        var pattern = new SafetyPattern("en.beaten", "en", signal, SafetyLevel.Urgent, Present: false, Conditional: false,
            new SafetyRegex(@"\b(?:beat me)\b", Short), Unless: null, [new SafetyExample("he beat me", 1)], [new SafetyExample("he met me", 2)], "test.yaml", 1);
        var cues = SafetyCues.None with { Negation = new SafetyRegex(@"\b(?:(?:a|aa)+b|never)\b", Short) };
        var rules = new SafetyRules(new Dictionary<string, SignalDefinition> { [signal.Id] = signal },
            [new SafetyLanguage("en", "test.yaml", cues, [pattern], [])], new Dictionary<string, string>());

        var assessment = SafetyTriage.Assess(rules, new SafetyInput(new string('a', 40) + " never beat me"));

        Assert.NotEqual(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("beaten:negated", assessment.Discounted);
    }
}
