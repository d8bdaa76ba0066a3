namespace TipBot.Tests.Support;

internal static class DatabaseFiles
{
    /// <summary>The bytes of tipbot.db and its WAL (recent commits live there until a checkpoint), read while open.</summary>
    public static byte[] ReadAll(string dataDirectory)
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "tipbot.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }
        Assert.True(all.Length > 0, "no database file in " + dataDirectory);
        return all.ToArray();
    }
}
