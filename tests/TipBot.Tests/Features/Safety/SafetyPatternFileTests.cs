using TipBot.Features.Knowledge;
using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// Every pattern in knowledge/safety/*.yaml, with its examples: a positive example must make the pattern count
/// (and reach its level), a negative one must not. The same rule as `knowledge check`, one test case per pattern,
/// so a failure names the pattern.
/// </summary>
public sealed class SafetyPatternFileTests
{
    public static TheoryData<string> PatternIds() => new(RepositorySafety.Rules.Patterns.Select(p => p.Id));

    [Fact]
    public void Every_language_of_the_region_has_a_pattern_file_with_patterns()
    {
        foreach (var language in new[] { "en", "st", "zu", "xh", "tn", "pt", "fr" })
        {
            var file = RepositorySafety.Rules.Languages.SingleOrDefault(l => l.Code == language);
            Assert.True(file is not null, $"knowledge/safety/{language}.yaml is missing");
            Assert.True(file.Patterns.Count >= 5, $"{language} has {file.Patterns.Count} patterns");
            Assert.Contains(file.Patterns, p => p.Level == SafetyLevel.Urgent);
        }
    }

    [Fact]
    public void The_repository_safety_files_load_and_check_without_errors()
    {
        var loaded = KnowledgeLoader.Load(Support.RepositoryPaths.Knowledge);
        var diagnostics = new List<KnowledgeDiagnostic>(loaded.Diagnostics);
        SafetyRulesChecker.Check(loaded.Knowledge, loaded.Root, diagnostics);

        var safetyErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.File.Contains("safety", StringComparison.Ordinal)).ToList();
        Assert.True(safetyErrors.Count == 0, string.Join('\n', safetyErrors));
    }

    [Fact]
    public void Compiled_expressions_assess_every_example_as_the_interpreter_does()
    {
        var compiled = KnowledgeLoader.Load(Support.RepositoryPaths.Knowledge, proveLinearSafetyPatterns: false).Knowledge.Safety;
        compiled.CompileExpressions();

        Assert.All(compiled.Patterns, p => Assert.Equal(p.Regex.WorthCompiling, p.Regex.Engine.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled)));
        Assert.Contains(compiled.Patterns, p => p.Regex.WorthCompiling);
        foreach (var example in RepositorySafety.Rules.Patterns.SelectMany(p => p.Positive.Concat(p.Negative)))
        {
            var interpreted = RepositorySafety.Assess(example.Text);
            var fromCompiled = SafetyTriage.Assess(compiled, new SafetyInput(example.Text));
            Assert.Equal(Describe(interpreted), Describe(fromCompiled));
        }
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void Pattern_examples_behave_as_declared(string id)
    {
        var pattern = RepositorySafety.Rules.Patterns.Single(p => p.Id == id);
        Assert.NotEmpty(pattern.Positive);
        Assert.NotEmpty(pattern.Negative);

        foreach (var example in pattern.Positive)
        {
            var assessment = RepositorySafety.Assess(example.Text);
            Assert.True(assessment.Patterns.Contains(id), $"{pattern.File}:{example.Line}: \"{example.Text}\" should make {id} count ({Describe(assessment)})");
            Assert.True(assessment.Level >= pattern.Level, $"{pattern.File}:{example.Line}: \"{example.Text}\" is {assessment.Level}, below {pattern.Level}");
        }
        foreach (var example in pattern.Negative)
        {
            var assessment = RepositorySafety.Assess(example.Text);
            Assert.False(assessment.Patterns.Contains(id), $"{pattern.File}:{example.Line}: \"{example.Text}\" must not make {id} count ({Describe(assessment)})");
        }
    }

    private static string Describe(SafetyAssessment a) =>
        $"{a.Level}; patterns [{string.Join(", ", a.Patterns)}]; discounted [{string.Join(", ", a.Discounted)}]";
}
