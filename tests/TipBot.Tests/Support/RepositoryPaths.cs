namespace TipBot.Tests.Support;

/// <summary>Finds the repository's folders from the test binaries, wherever the tests run.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding knowledge/topic-ids.yaml.</summary>
    public static string Root => s_root.Value;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "knowledge", "topic-ids.yaml")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No knowledge/topic-ids.yaml above {AppContext.BaseDirectory}");
    }
}
