namespace TipBot.Features.Safety;

/// <summary>
/// Finds a space that an expression needs only because an optional part left it stranded. Messages are normalised to
/// single spaces and every expression is wrapped in <c>\b…\b</c>, so <c>'heke e notletsoe (?:ka ntle)?'</c> needs a
/// space after "notletsoe" and never matches "heke e notletsoe," or a message ending in it; the space belongs inside
/// the optional part: <c>'heke e notletsoe(?: ka ntle)?'</c>. The same mistake at the start needs a word before the
/// expression, and between two spaces it needs two spaces when the part is left out. It compiles and passes a positive
/// example that happens to go on, so only this check finds it.
/// </summary>
internal static class ExpressionSpacing
{
    /// <summary>The mistake found in a source that compiles, or null.</summary>
    public static string? Problem(string source)
    {
        var position = 0;
        return Alternatives(source, ref position).Select(Check).FirstOrDefault(p => p is not null);
    }

    private sealed record Part(string Text, string Written, bool Optional, List<List<Part>>? Group)
    {
        public bool IsSpace => Text == " ";
    }

    private static string? Check(List<Part> sequence)
    {
        var required = sequence.Select((part, index) => (part, index)).Where(p => !p.part.Optional).ToList();
        if (required.Count == 0)
        {
            return null;
        }
        var (last, lastIndex) = required[^1];
        if (last.IsSpace && sequence.Skip(lastIndex + 1).Any(p => !EndsWithSpace(p)))
        {
            return $"'{Written(sequence)}' only matches when another word follows, since its optional end comes after a space; move the space into the optional part ('(?: …)?')";
        }
        var (first, firstIndex) = required[0];
        if (first.IsSpace && sequence.Take(firstIndex).Any(p => !StartsWithSpace(p)))
        {
            return $"'{Written(sequence)}' only matches after another word, since its optional start comes before a space; move the space into the optional part ('(?:… )?')";
        }
        for (var i = 1; i < required.Count; i++)
        {
            if (required[i].part.IsSpace && required[i - 1].part.IsSpace && required[i].index - required[i - 1].index > 1)
            {
                return $"'{Written(sequence)}' needs two spaces when the optional part between its spaces is left out; move one space into the optional part";
            }
        }
        return sequence.Where(p => p.Group is not null).SelectMany(p => p.Group!).Select(Check).FirstOrDefault(p => p is not null);
    }

    // "about (?:\w+ ){0,4}" ends in a space whichever way it matches: it asks for a following word on purpose.
    private static bool EndsWithSpace(Part part) =>
        part.IsSpace || part.Group is { } group && group.All(a => a.Count > 0 && EndsWithSpace(a[^1]));

    private static bool StartsWithSpace(Part part) =>
        part.IsSpace || part.Group is { } group && group.All(a => a.Count > 0 && StartsWithSpace(a[0]));

    private static string Written(List<Part> sequence) => string.Concat(sequence.Select(p => p.Written));

    private static List<List<Part>> Alternatives(string source, ref int i)
    {
        var alternatives = new List<List<Part>> { new() };
        while (i < source.Length && source[i] != ')')
        {
            if (source[i] == '|')
            {
                alternatives.Add([]);
                i++;
                continue;
            }
            var start = i;
            List<List<Part>>? group = null;
            switch (source[i])
            {
                case '(':
                    i = AfterGroupOpening(source, i + 1);
                    group = Alternatives(source, ref i);
                    i++;
                    break;
                case '[':
                    i = RegexSource.AfterCharacterClass(source, i + 1);
                    break;
                case '\\':
                    i += 2;
                    break;
                default:
                    i++;
                    break;
            }
            var text = source[start..Math.Min(i, source.Length)];
            var optional = RegexSource.Quantifier(source, ref i, out var min, out _) && min == 0;
            alternatives[^1].Add(new Part(text, source[start..Math.Min(i, source.Length)], optional, group));
        }
        return alternatives;
    }

    private static int AfterGroupOpening(string source, int i)
    {
        if (i >= source.Length || source[i] != '?')
        {
            return i;
        }
        var end = source.IndexOfAny([':', ')', '>', '\''], i + 1);
        return end < 0 || source[end] == ')' ? i + 1 : end + 1;
    }
}
