using TipBot.Features.Understanding;

namespace TipBot.Features.Safety;

public enum SafetyLevel { None, Concern, Urgent }

/// <summary>
/// The safety check's verdict for one message: how worried to be, the signals that counted, the ILO
/// forced-labour indicators found (<see cref="RedFlags"/>) and the pattern ids that fired. Ids only, never
/// text, so the whole record can be stored and logged.
/// </summary>
public sealed record SafetyAssessment(SafetyLevel Level, IReadOnlyList<string> Signals, IReadOnlyList<string> RedFlags)
{
    public static SafetyAssessment Safe { get; } = new(SafetyLevel.None, [], []);

    /// <summary>The patterns that matched and counted (language.id), for the pattern-file tests and operators.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Signals that matched but were discounted, as "signal:reason" (negated, past, hypothetical, discussion).</summary>
    public IReadOnlyList<string> Discounted { get; init; } = [];

    /// <summary>True when an age under 18 was seen in this message or earlier in the conversation.</summary>
    public bool Minor { get; init; }

    public bool IsUrgent => Level == SafetyLevel.Urgent;
}

/// <summary>
/// What the safety check reads: the message, what understanding found in it (ages, the topic ranking) and
/// what the conversation said before (<see cref="SafetyContext"/>). Only <see cref="Text"/> is required.
/// </summary>
public sealed record SafetyInput(string Text)
{
    public TurnEntities Entities { get; init; } = TurnEntities.None;

    /// <summary>The topic ranking of this message, or null when the message was a button or command.</summary>
    public TopicRanking? Ranking { get; init; }

    public SafetyContext Context { get; init; } = SafetyContext.None;
}

/// <summary>Counted signals from recent earlier messages of the same conversation, and whether a minor was mentioned.</summary>
public sealed record SafetyContext(IReadOnlyCollection<string> RecentSignals, bool Minor)
{
    public static SafetyContext None { get; } = new([], false);
}

/// <summary>Runs on every message, before anything else. Must never throw and never wait on the network.</summary>
public interface ISafetyCheck
{
    SafetyAssessment Assess(SafetyInput input);
}

public static class SafetyCheckExtensions
{
    /// <summary>A message on its own: no entities, ranking or conversation.</summary>
    public static SafetyAssessment Assess(this ISafetyCheck check, string text) => check.Assess(new SafetyInput(text ?? ""));
}
