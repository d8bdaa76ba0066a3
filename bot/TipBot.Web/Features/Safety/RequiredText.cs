using System.Buffers;

namespace TipBot.Features.Safety;

/// <summary>
/// Text that every match of an expression contains: one of a few literal strings, read from the expression's source
/// ("(?:says|said) (?:that )?(?:im|we are) not leaving" needs "not leaving"). A message containing none of them cannot
/// match, so the expression need not run: most of the ~220 patterns are skipped on any one message, where each used to
/// scan every message (the triage's largest cost, bench/README.md). Sound by construction: whatever the reader does
/// not understand (a class, an escape, a lookaround, an option) counts as "anything", so at worst it requires less
/// than the expression does, never more; an expression it cannot read at all gets no prefilter and always runs.
/// <c>knowledge check</c> also runs every pattern's prefilter on its examples.
/// </summary>
internal static class RequiredText
{
    /// <summary>Strings shorter than this say too little to skip anything ("a", "i").</summary>
    private const int MinLength = 2;

    /// <summary>The literal strings one of which every match contains, for a fast search; null when nothing can be said.</summary>
    public static SearchValues<string>? Prefilter(string source) =>
        Of(source) is { } strings ? SearchValues.Create([.. strings], StringComparison.Ordinal) : null;

    /// <summary>The literal strings one of which every match of <paramref name="source"/> contains, or null.</summary>
    public static IReadOnlyList<string>? Of(string source)
    {
        var position = 0;
        try
        {
            var required = Alternation(source, ref position);
            return position == source.Length && required is { } strings && strings.All(s => s.Length >= MinLength) ? strings.Distinct().ToList() : null;
        }
        catch (UnreadableExpression)
        {
            return null;
        }
    }

    private sealed class UnreadableExpression : Exception;

    /// <summary>Branches: a match is one of them, so it contains one of the strings of each branch's requirement.</summary>
    private static List<string>? Alternation(string source, ref int i)
    {
        var branches = new List<List<string>?> { Sequence(source, ref i) };
        while (i < source.Length && source[i] == '|')
        {
            i++;
            branches.Add(Sequence(source, ref i));
        }
        return branches.Any(b => b is null) ? null : branches.SelectMany(b => b!).ToList();
    }

    /// <summary>
    /// Parts one after another: every required part is in the match, so any one of them will do. Runs of required
    /// literal characters are the candidates, with required groups; the one with the longest shortest string wins.
    /// </summary>
    private static List<string>? Sequence(string source, ref int i)
    {
        List<string>? best = null;
        var run = new System.Text.StringBuilder();
        void EndRun()
        {
            if (run.Length > 0)
            {
                best = Better(best, [run.ToString()]);
                run.Clear();
            }
        }

        while (i < source.Length && source[i] is not ('|' or ')'))
        {
            var c = source[i];
            List<string>? group = null;
            var literal = false;
            var zeroWidth = false;
            switch (c)
            {
                case '(':
                    i++;
                    zeroWidth = GroupOpening(source, ref i);
                    group = Alternation(source, ref i);
                    Expect(source, ref i, ')');
                    break;
                case '[':
                    i = RegexSource.AfterCharacterClass(source, i + 1);
                    if (i > source.Length)
                    {
                        throw new UnreadableExpression();
                    }
                    break;
                case '\\':
                    i = AfterEscape(source, i + 1);
                    break;
                case '*' or '+' or '?' or '{':
                    throw new UnreadableExpression(); // a quantifier with nothing before it
                default:
                    literal = char.IsLetterOrDigit(c) || c == ' ';
                    i++;
                    break;
            }
            if (!RegexSource.Quantifier(source, ref i, out var min, out var repeated) && i < source.Length && source[i] == '{')
            {
                throw new UnreadableExpression(); // a literal "{": not in TipBot's patterns
            }
            var required = min > 0;
            if (literal && required && !repeated)
            {
                run.Append(c);
                continue;
            }
            EndRun();
            if (required && !zeroWidth && group is not null)
            {
                best = Better(best, group);
            }
        }
        EndRun();
        return best;
    }

    /// <summary>The candidate whose shortest string is longest (it skips the most messages); null until there is one.</summary>
    private static List<string>? Better(List<string>? current, List<string> candidate)
    {
        // A substring of a required string is required too: the spaces around a run add nothing to the search.
        var trimmed = candidate.Select(s => s.Trim()).ToList();
        if (trimmed.Any(s => s.Length < MinLength))
        {
            return current;
        }
        if (current is null)
        {
            return trimmed;
        }
        var (shortest, currentShortest) = (trimmed.Min(s => s.Length), current.Min(s => s.Length));
        return shortest > currentShortest || shortest == currentShortest && trimmed.Count < current.Count ? trimmed : current;
    }

    /// <summary>Reads what follows "(": true for a lookaround (zero width: it requires nothing of the match).</summary>
    private static bool GroupOpening(string source, ref int i)
    {
        if (i >= source.Length || source[i] != '?')
        {
            return false;
        }
        var rest = source.AsSpan(i);
        if (rest.StartsWith("?:") || rest.StartsWith("?>"))
        {
            i += 2;
            return false;
        }
        if (rest.StartsWith("?=") || rest.StartsWith("?!"))
        {
            i += 2;
            return true;
        }
        if (rest.StartsWith("?<=") || rest.StartsWith("?<!"))
        {
            i += 3;
            return true;
        }
        if (rest.StartsWith("?<") && rest.IndexOf('>') is > 2 and var close && rest[2..close].ToString().All(char.IsLetterOrDigit))
        {
            i += close + 1;
            return false;
        }
        throw new UnreadableExpression(); // inline options, conditionals, balancing groups: not in TipBot's patterns
    }

    /// <summary>Class escapes (\w, \b…) and escaped punctuation; the rest (\u0041, \p{L}, \1) are not in TipBot's patterns.</summary>
    private static int AfterEscape(string source, int i)
    {
        if (i < source.Length && (source[i] is 'w' or 'W' or 'd' or 'D' or 's' or 'S' or 'b' or 'B' || !char.IsLetterOrDigit(source[i])))
        {
            return i + 1;
        }
        throw new UnreadableExpression();
    }

    private static void Expect(string source, ref int i, char expected)
    {
        if (i >= source.Length || source[i] != expected)
        {
            throw new UnreadableExpression();
        }
        i++;
    }
}
