using System.Buffers;
using System.Text.RegularExpressions;

namespace TipBot.Features.Safety;

/// <summary>
/// A safety expression that always gives an answer. It runs on the ordinary interpreter (see
/// <see cref="SafetyRules.Options"/> for why), whose running time a hostile message, or a machine too busy to
/// schedule the thread, can push past the match timeout. Giving up there would turn an urgent message into a
/// mere concern, so a timed-out expression is run again on the non-backtracking engine, which is linear in the
/// message's length and has no timeout, and stays on it from then on. <c>knowledge check</c> proves every safety
/// expression compiles for that engine.
/// </summary>
public sealed class SafetyRegex
{
    private readonly string _source;
    private readonly SearchValues<string>? _required;
    private Regex _engine;

    public SafetyRegex(string source) : this(source, SafetyRules.MatchTimeout)
    {
    }

    /// <summary>Tests shorten the timeout to reach the fallback.</summary>
    public SafetyRegex(string source, TimeSpan matchTimeout)
    {
        _source = source;
        _engine = new Regex(source, SafetyRules.Options, matchTimeout);
        // Literal text is compared as written: sound only without RegexOptions.IgnoreCase (messages are lower-cased instead).
        _required = SafetyRules.Options.HasFlag(RegexOptions.IgnoreCase) ? null : RequiredText.Prefilter(source);
    }

    /// <summary>
    /// False when the input lacks every literal string a match needs (<see cref="RequiredText"/>): the expression cannot
    /// match, and need not run.
    /// </summary>
    public bool MayMatch(ReadOnlySpan<char> input) => _required is null || input.IndexOfAny(_required) >= 0;

    /// <summary>The engine to run now. A caller that enumerates matches itself catches the timeout and goes on with <see cref="FallBack"/>.</summary>
    public Regex Engine => Volatile.Read(ref _engine);

    /// <summary>
    /// Runs on the interpreter after which an expression is compiled (<see cref="Compile"/>), in the background. Compiling all of
    /// them cost ~60 MB of peak memory under load (bench/README.md, "Safety expressions compiled when used"); the prefilter
    /// leaves most patterns idle on any given traffic, and those stay interpreted.
    /// </summary>
    public const int HotRuns = 256;

    private int _runs;

    /// <summary>
    /// <see cref="Engine"/> for a run over <paramref name="input"/> that the caller is about to make, counted: the
    /// <see cref="HotRuns"/>-th starts compiling the expression off the request path, with this input as the JIT's sample.
    /// </summary>
    public Regex EngineFor(ReadOnlySpan<char> input)
    {
        var engine = Engine;
        // A plain count (lost updates only delay it), and none once hot: every core writing the same field would cost more.
        if (_runs < HotRuns && ++_runs == HotRuns && WorthCompiling && (engine.Options & (RegexOptions.Compiled | RegexOptions.NonBacktracking)) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Regex.CompileInBackground(state.Sample), (Regex: this, Sample: input.ToString()), preferLocal: false);
        }
        return engine;
    }

    // Only a speed-up: whatever goes wrong, the interpreter keeps answering, and an exception on a thread-pool item would end the process.
    private void CompileInBackground(string sample)
    {
        try
        {
            Compile(sample);
        }
        catch (Exception)
        {
        }
    }

    public bool IsLinear => Engine.Options.HasFlag(RegexOptions.NonBacktracking);

    /// <summary>Switches to the non-backtracking engine (built once; a concurrent second build is harmless) and returns it.</summary>
    public Regex FallBack()
    {
        var current = Engine;
        if (current.Options.HasFlag(RegexOptions.NonBacktracking))
        {
            return current;
        }
        var linear = new Regex(_source, SafetyRules.Options | RegexOptions.NonBacktracking);
        Volatile.Write(ref _engine, linear);
        return linear;
    }

    /// <summary>
    /// Switches from the interpreter to a compiled expression (~3x faster on these patterns; see <see cref="MaxCompiledLength"/>
    /// for which): done off the request path, once an expression is used (<see cref="EngineFor"/>) or for all of them
    /// (<see cref="SafetyRules.CompileExpressions"/>). Same matches. The JIT
    /// compiles a compiled expression's matcher on its first use, which for the largest patterns takes longer than a
    /// whole turn: it runs over <paramref name="sample"/> (one of its own matches, for a pattern) before it replaces the
    /// interpreter, so a message arriving meanwhile is answered by the interpreter instead of waiting for the JIT.
    /// </summary>
    public void Compile(string? sample = null)
    {
        var current = Engine;
        if (!WorthCompiling || current.Options.HasFlag(RegexOptions.Compiled) || current.Options.HasFlag(RegexOptions.NonBacktracking))
        {
            return;
        }
        var compiled = new Regex(_source, SafetyRules.Options | RegexOptions.Compiled, current.MatchTimeout);
        if (sample is not null)
        {
            try
            {
                compiled.IsMatch(sample);
            }
            catch (RegexMatchTimeoutException)
            {
                // Only a warm-up: the expression's own callers handle a timeout.
            }
        }
        Interlocked.CompareExchange(ref _engine, compiled, current);
    }

    /// <summary>
    /// Longer expressions stay on the interpreter. The JIT's cost for a compiled expression grows much faster than its
    /// source: over the knowledge base's 180 patterns and 776 warm-up messages, compiling all took 20.6 s of CPU, the six
    /// over 2,000 characters 14.4 s of it, for 7 % of the interpreter's time saved; a bot under load pays that CPU in
    /// its first minutes. The limit keeps 93 % of the gain for 4.7 s.
    /// </summary>
    public const int MaxCompiledLength = 2_000;

    public bool WorthCompiling => _source.Length <= MaxCompiledLength;

    public bool IsMatch(ReadOnlySpan<char> input)
    {
        if (!MayMatch(input))
        {
            return false;
        }
        try
        {
            return EngineFor(input).IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return FallBack().IsMatch(input);
        }
    }

    /// <summary>Where the last match in the input ends, or -1 when nothing matches.</summary>
    public int LastMatchEnd(ReadOnlySpan<char> input)
    {
        if (!MayMatch(input))
        {
            return -1;
        }
        try
        {
            return LastEnd(EngineFor(input), input);
        }
        catch (RegexMatchTimeoutException)
        {
            return LastEnd(FallBack(), input);
        }
    }

    private static int LastEnd(Regex regex, ReadOnlySpan<char> input)
    {
        var end = -1;
        foreach (var match in regex.EnumerateMatches(input))
        {
            end = match.Index + match.Length;
        }
        return end;
    }

    public string Replace(string input, string replacement)
    {
        if (!MayMatch(input))
        {
            return input;
        }
        try
        {
            return EngineFor(input).Replace(input, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            return FallBack().Replace(input, replacement);
        }
    }

    public override string ToString() => _source;
}
