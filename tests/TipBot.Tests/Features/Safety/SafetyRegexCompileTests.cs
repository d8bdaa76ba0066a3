using System.Text.RegularExpressions;
using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

public sealed class SafetyRegexCompileTests
{
    [Fact]
    public void A_short_expression_is_compiled_and_matches_as_before()
    {
        var regex = new SafetyRegex(@"\b(?:locked (?:me|us) in)\b");

        regex.Compile("they locked us in");

        Assert.True(regex.Engine.Options.HasFlag(RegexOptions.Compiled));
        Assert.True(regex.IsMatch("the boss locked me in the room"));
        Assert.False(regex.IsMatch("the boss locked the car"));
    }

    [Fact]
    public void An_expression_past_the_compile_limit_stays_on_the_interpreter_and_still_matches()
    {
        var words = Enumerable.Range(0, SafetyRegex.MaxCompiledLength / 4).Select(i => $"word{i}");
        var regex = new SafetyRegex($@"\b(?:{string.Join('|', words)}|locked (?:me|us) in)\b");

        regex.Compile("they locked us in");

        Assert.False(regex.WorthCompiling);
        Assert.False(regex.Engine.Options.HasFlag(RegexOptions.Compiled));
        Assert.True(regex.IsMatch("the boss locked me in the room"));
        Assert.True(regex.IsMatch("word12"));
    }
}
