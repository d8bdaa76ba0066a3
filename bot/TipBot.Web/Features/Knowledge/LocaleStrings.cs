namespace TipBot.Features.Knowledge;

/// <summary>The strings the bot says outside topic answers, in one language.</summary>
public sealed class LocaleStrings(string language, IReadOnlyDictionary<string, string> strings)
{
    public string Language { get; } = language;
    public IReadOnlyDictionary<string, string> All { get; } = strings;

    /// <summary>A missing key shows the key itself, so a gap is visible in testing, never a crash.</summary>
    public string this[string key] => All.TryGetValue(key, out var value) ? value : key;

    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }
}
