using System.Text.RegularExpressions;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Safety;

/// <summary>
/// Proves that every safety expression of a file compiles for the non-backtracking engine (no lookarounds,
/// backreferences or atomic groups), the linear engine an expression falls back to past its match timeout
/// (<see cref="SafetyRegex"/>): without this proof the fallback could fail when it is needed. The engine is built once per
/// file for all its expressions together, and only when that fails once per expression to name the culprit. Measured
/// on the bundled files: per expression ~3.6 s and ~900 MB of allocations, per file ~1.4 s and ~470 MB; so only
/// <c>knowledge check</c> pays for it, not every start of the bot.
/// </summary>
internal sealed class NonBacktrackingProof
{
    private readonly List<(string Source, string File, int Line, string What)> _pending = [];

    public void Add(string source, string file, int line, string what) => _pending.Add((source, file, line, what));

    /// <summary>The expressions added and not yet verified, for the other checks that only <c>knowledge check</c> runs.</summary>
    public IReadOnlyList<(string Source, string File, int Line, string What)> Expressions => _pending;

    public void Verify(List<KnowledgeDiagnostic> diagnostics)
    {
        foreach (var file in _pending.GroupBy(p => p.File, StringComparer.Ordinal))
        {
            if (Compiles(string.Join('|', file.Select(p => "(?:" + p.Source + ")"))))
            {
                continue;
            }
            foreach (var (source, path, line, what) in file)
            {
                if (!Compiles(source, out var reason))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, path, line, $"{what}: not allowed in a safety pattern (no lookarounds, backreferences or atomic groups): {reason}"));
                }
            }
        }
        _pending.Clear();
    }

    private static bool Compiles(string source) => Compiles(source, out _);

    private static bool Compiles(string source, out string reason)
    {
        try
        {
            _ = new Regex(source, SafetyRules.Options | RegexOptions.NonBacktracking);
            reason = "";
            return true;
        }
        catch (NotSupportedException e)
        {
            reason = e.Message;
            return false;
        }
    }
}
