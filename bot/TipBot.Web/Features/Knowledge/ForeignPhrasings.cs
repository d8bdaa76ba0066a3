namespace TipBot.Features.Knowledge;

/// <summary>
/// Example messages in a language TipBot understands but does not answer in (<c>understanding/&lt;lang&gt;.yaml</c>):
/// a French question about a recruiter's fee gets the English answer, instead of only "I speak English and Sesotho".
/// </summary>
public sealed record ForeignPhrasings(
    string Language,
    IReadOnlyList<(string TopicId, string Text)> Examples,
    IReadOnlyList<string> OutOfScope,
    string File,
    int Line,
    string? Translation,
    DateOnly? ReviewedOn);
