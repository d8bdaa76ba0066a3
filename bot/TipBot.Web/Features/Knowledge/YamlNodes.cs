using YamlDotNet.RepresentationModel;

namespace TipBot.Features.Knowledge;

/// <summary>Reads YAML nodes with their line numbers, so every checker message can point at a line.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : null;

    public static IReadOnlyList<string> Strings(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToArray()
            : [];

    public static int LineOf(this YamlMappingNode map, string key, int lineOffset) =>
        (int)(map.Get(key)?.Start.Line ?? map.Start.Line) + lineOffset;

    public static DateOnly? Date(this YamlMappingNode map, string key) =>
        DateOnly.TryParseExact(map.Scalar(key), "yyyy-MM-dd", out var date) ? date : null;

    public static Source? ToSource(this YamlNode? node) =>
        node is YamlMappingNode map ? new Source(map.Scalar("title") ?? "", map.Scalar("url") ?? "") : null;

    public static YamlMappingNode? LoadMapping(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
    }
}
