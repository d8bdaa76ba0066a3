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
}
