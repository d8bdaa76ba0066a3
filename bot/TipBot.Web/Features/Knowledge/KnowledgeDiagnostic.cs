namespace TipBot.Features.Knowledge;

public enum DiagnosticSeverity { Warning, Error }

/// <summary>A problem found in a knowledge file, reported as "file:line: reason".</summary>
public sealed record KnowledgeDiagnostic(DiagnosticSeverity Severity, string File, int Line, string Reason)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Reason}";
}
