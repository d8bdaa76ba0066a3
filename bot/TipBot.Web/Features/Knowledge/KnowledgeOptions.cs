namespace TipBot.Features.Knowledge;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder. Empty: the nearest <c>knowledge/</c> above the app or the working directory.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Shown where answers say who runs the service ({{org}}). Empty: the locale's <c>organisation.unnamed</c> ("the
    /// organisation that shared this chat with you"), so a Sesotho answer does not carry an English phrase.
    /// </summary>
    public string? OrganisationName { get; set; }

    /// <summary>The organisation as an answer in <paramref name="strings"/>' language names it.</summary>
    public string OrganisationIn(LocaleStrings strings) =>
        string.IsNullOrWhiteSpace(OrganisationName) ? strings["organisation.unnamed"] : OrganisationName;

    public string ResolvePath() => string.IsNullOrWhiteSpace(Path) ? FindDefault() : System.IO.Path.GetFullPath(Path);

    private static string FindDefault()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "knowledge");
                if (File.Exists(System.IO.Path.Combine(candidate, "topic-ids.yaml")))
                {
                    return candidate;
                }
            }
        }
        return System.IO.Path.Combine(Directory.GetCurrentDirectory(), "knowledge");
    }
}
