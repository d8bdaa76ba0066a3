namespace TipBot.Features.Safety;

/// <summary>Reading a .NET regular expression's source where TipBot looks inside one (<see cref="ExpressionSpacing"/>, <see cref="RequiredText"/>).</summary>
internal static class RegexSource
{
    /// <summary>The index after the "]" closing a character class whose "[" is just before <paramref name="i"/>; past the end when there is none.</summary>
    public static int AfterCharacterClass(string source, int i)
    {
        if (i < source.Length && source[i] == '^')
        {
            i++;
        }
        if (i < source.Length && source[i] == ']')
        {
            i++;
        }
        while (i < source.Length && source[i] != ']')
        {
            i += source[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /// <summary>
    /// Reads the quantifier at <paramref name="i"/> (?, *, +, {n}, {n,}, {n,m}, each maybe lazy) and moves past it; false,
    /// with <paramref name="i"/> left where it was, when there is none there (a "{" that does not open one is a literal).
    /// </summary>
    /// <param name="min">How many times the part must be there.</param>
    /// <param name="repeated">Whether the part may be there more than once.</param>
    public static bool Quantifier(string source, ref int i, out int min, out bool repeated)
    {
        (min, repeated) = (1, false);
        if (i >= source.Length)
        {
            return false;
        }
        var end = i + 1;
        switch (source[i])
        {
            case '?':
                min = 0;
                break;
            case '*':
                (min, repeated) = (0, true);
                break;
            case '+':
                repeated = true;
                break;
            case '{' when Bounds(source, i + 1) is (var low, var close):
                (min, repeated) = (low, true);
                end = close + 1;
                break;
            default:
                return false;
        }
        i = end < source.Length && source[end] == '?' ? end + 1 : end;
        return true;
    }

    /// <summary>The lower bound of "{n}", "{n,}" or "{n,m}" starting at <paramref name="i"/> (after the "{"), and where its "}" is.</summary>
    private static (int Min, int Close)? Bounds(string source, int i)
    {
        var digits = i;
        while (digits < source.Length && char.IsAsciiDigit(source[digits]))
        {
            digits++;
        }
        if (digits == i || !int.TryParse(source.AsSpan(i, digits - i), out var min))
        {
            return null;
        }
        var close = digits;
        if (close < source.Length && source[close] == ',')
        {
            close++;
            while (close < source.Length && char.IsAsciiDigit(source[close]))
            {
                close++;
            }
        }
        return close < source.Length && source[close] == '}' ? (min, close) : null;
    }
}
