using System.ComponentModel.DataAnnotations;

namespace TipBot.Features.Knowledge;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder. Empty: the nearest <c>knowledge/</c> above the app or the working directory.</summary>
    public string? Path { get; set; }

    /// <summary>Shown where answers say who runs the service ({{org}}).</summary>
    [Required]
    public string OrganisationName { get; set; } = "the organisation that shared this chat with you";

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
