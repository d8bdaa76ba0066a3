namespace TipBot.Features.Safety;

public enum SafetyLevel { None, Concern, Urgent }

/// <summary>The safety check's verdict for one message: how worried to be, and which signals fired.</summary>
public sealed record SafetyAssessment(SafetyLevel Level, IReadOnlyList<string> Signals)
{
    public static SafetyAssessment Safe { get; } = new(SafetyLevel.None, []);

    public bool IsUrgent => Level == SafetyLevel.Urgent;
}

/// <summary>Runs on every message, before anything else. Must never throw and never wait on the network.</summary>
public interface ISafetyCheck
{
    SafetyAssessment Assess(string text);
}
