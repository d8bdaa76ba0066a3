namespace TipBot.Hosting;

/// <summary>Where TipBot keeps its files (SQLite database, Data Protection keys, pseudonym key).</summary>
public sealed class TipBotOptions
{
    public const string Section = "TipBot";

    /// <summary>Empty: a "data" folder beside the app. Created on start.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// After start, compile the safety expressions and run the knowledge base's examples through the pipeline in the
    /// background, so the first people's messages do not pay for it. Off in the tests, which start dozens of hosts.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    public string ResolveDataDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? Path.Combine(AppContext.BaseDirectory, "data") : DataDirectory);

    /// <summary>The Data Protection key ring: beside the database, not in it, so a copy of the database alone cannot be read.</summary>
    public string ResolveKeysDirectory() => Path.Combine(ResolveDataDirectory(), "keys");
}
