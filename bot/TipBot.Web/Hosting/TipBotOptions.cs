namespace TipBot.Hosting;

/// <summary>Where TipBot keeps its files (SQLite database, Data Protection keys, pseudonym key).</summary>
public sealed class TipBotOptions
{
    public const string Section = "TipBot";

    /// <summary>Empty: a "data" folder beside the app. Created on start.</summary>
    public string? DataDirectory { get; set; }

    public string ResolveDataDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? Path.Combine(AppContext.BaseDirectory, "data") : DataDirectory);
}
