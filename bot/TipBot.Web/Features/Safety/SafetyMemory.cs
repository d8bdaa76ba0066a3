namespace TipBot.Features.Safety;

/// <summary>
/// What the safety triage remembers within one conversation (kept in the conversation state): the signals of
/// recent messages, whether a child was mentioned, the country the person seems to be in, and which warning
/// signs were already named. Ids only, never text.
/// </summary>
public sealed class SafetyMemory
{
    /// <summary>How many earlier messages a signal stays relevant for ("they took my phone" … "he is coming, help").</summary>
    public const int Window = 6;

    public int Turn { get; set; }
    public List<RecentSignal> Recent { get; set; } = [];
    public bool Minor { get; set; }

    /// <summary>"za" or "ls" when the conversation named places in only one of them.</summary>
    public string? Country { get; set; }

    /// <summary>Red flags already named to the person, so a concern note is not repeated every message.</summary>
    public List<string> FlagsNamed { get; set; } = [];
    public bool PersonOffered { get; set; }

    public SafetyContext Context() => Recent.Count == 0 && !Minor
        ? SafetyContext.None
        : new SafetyContext(Recent.Where(r => Turn - r.Turn < Window).Select(r => r.Signal).Distinct(StringComparer.Ordinal).ToArray(), Minor);

    public void Remember(SafetyAssessment assessment)
    {
        Turn++;
        Minor |= assessment.Minor;
        foreach (var signal in assessment.Signals.Where(s => !s.StartsWith(SafetyTriage.TopicSignalPrefix, StringComparison.Ordinal)))
        {
            Recent.RemoveAll(r => r.Signal == signal);
            Recent.Add(new RecentSignal(signal, Turn));
        }
        Recent.RemoveAll(r => Turn - r.Turn >= Window);
    }
}

/// <summary>A signal and the turn it was seen in.</summary>
public sealed record RecentSignal(string Signal, int Turn);
