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
    public async Task An_expression_is_compiled_in_the_background_once_used_often_and_an_idle_one_is_not()
    {
        var used = new SafetyRegex(@"\b(?:locked (?:me|us) in)\b");
        var idle = new SafetyRegex(@"\b(?:chained (?:me|us) up)\b");

        for (var i = 0; i < SafetyRegex.HotRuns - 1; i++)
        {
            Assert.True(used.IsMatch("they locked us in again"));
        }
        Assert.False(used.Engine.Options.HasFlag(RegexOptions.Compiled));
        Assert.False(used.IsMatch("they locked the car"));
        // A thread-pool item compiles it; wait for the switch rather than for a fixed time.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!used.Engine.Options.HasFlag(RegexOptions.Compiled))
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.True(used.IsMatch("the boss locked me in the room"));
        Assert.False(used.IsMatch("the boss locked the car"));
        // The prefilter skips it on messages without its words: those are not runs.
        for (var i = 0; i < SafetyRegex.HotRuns * 2; i++)
        {
            Assert.False(idle.IsMatch("they locked us in again"));
        }
        Assert.False(idle.Engine.Options.HasFlag(RegexOptions.Compiled));
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
