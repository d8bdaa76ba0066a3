namespace TipBot.Features.Knowledge;

/// <summary>One topic in one language: the curated answer and how people ask for it.</summary>
public sealed record TopicEntry(
    string Id,
    string Language,
    string Title,
    string Button,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> FollowUps,
    IReadOnlyList<string> ContactKeys,
    IReadOnlyList<Source> Sources,
    DateOnly? ReviewedOn,
    string Translation,
    string Answer,
    string? More,
    string FilePath,
    TopicEntryLines Lines);

/// <summary>Where each field sits in the file, so the checker can name the line.</summary>
public sealed record TopicEntryLines(IReadOnlyDictionary<string, int> Fields, int Body)
{
    public int Of(string field) => Fields.GetValueOrDefault(field, 1);
}

public sealed record Source(string Title, string Url);
