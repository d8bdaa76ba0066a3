namespace TipBot.Tests.Support;

internal static class DatabaseFiles
{
    /// <summary>The bytes of tipbot.db and its WAL (recent commits live there until a checkpoint), read while open.</summary>
    public static byte[] ReadAll(string dataDirectory)
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "tipbot.db*"))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.CopyTo(all);
            }
            catch (FileNotFoundException)
            {
                // SQLite removes the -shm and -wal files when the last connection closes (the background expiry check's
                // connection can close at any moment); their content is then in tipbot.db.
            }
        }
        Assert.True(all.Length > 0, "no database file in " + dataDirectory);
        return all.ToArray();
    }
}
