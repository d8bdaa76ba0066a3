using Microsoft.Data.Sqlite;

namespace TipBot.Tests.Support;

/// <summary>A fresh folder under the system temp folder, removed (best effort) on dispose with its test database.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "tipbot-tests-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        TestDatabase.DropFor(Path);
        // Pooled SQLite connections keep the database file open; idle ones are closed here.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the OS temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
