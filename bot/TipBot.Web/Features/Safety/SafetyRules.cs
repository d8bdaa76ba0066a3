using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TipBot.Features.Safety;

/// <summary>
/// How a signal takes part in the decision: danger (a person may be hurt: escalates with a plea, a second
/// danger or a child), exploitation (an ILO warning sign, concern on its own) or escalator (a plea or fear:
/// makes a danger signal urgent, is little on its own).
/// </summary>
public enum SignalKind { Danger, Exploitation, Escalator }

/// <summary>A signal from <c>knowledge/safety/signals.yaml</c>: what a pattern says it found.</summary>
public sealed record SignalDefinition(string Id, SafetyLevel Level, SignalKind Kind, IReadOnlyList<string> RedFlags)
{
    /// <summary>Still counts after a <c>got_away</c> cue ("I ran away, they are looking for me"): getting away ends being held, not this.</summary>
    public bool OutlastsEscape { get; init; }
}

/// <summary>The ILO's 11 indicators of forced labour (fact sheet 2.1): the red flags the assessment reports.</summary>
public static class RedFlags
{
    public static IReadOnlyList<string> All { get; } =
    [
        "abuse-of-vulnerability", "deception", "restricted-movement", "isolation", "violence", "intimidation-and-threats",
        "retention-of-identity-documents", "withholding-of-wages", "debt-bondage", "abusive-conditions", "excessive-overtime",
    ];
}

/// <summary>An example message in a pattern file, with its line for the checker.</summary>
public sealed record SafetyExample(string Text, int Line);

/// <summary>One curated danger pattern of one language, compiled.</summary>
public sealed record SafetyPattern(
    string Id,
    string Language,
    SignalDefinition Signal,
    SafetyLevel Level,
    bool Present,
    bool Conditional,
    SafetyRegex Regex,
    SafetyRegex? Unless,
    IReadOnlyList<SafetyExample> Positive,
    IReadOnlyList<SafetyExample> Negative,
    string File,
    int Line);

/// <summary>
/// The cue words of a language (merged with the languages it is code-switched with), compiled. A null cue
/// never matches.
/// </summary>
public sealed record SafetyCues(
    SafetyRegex? Negation,
    SafetyRegex? NotNegation,
    SafetyRegex? Past,
    SafetyRegex? PastTense,
    SafetyRegex? SafeNow,
    SafetyRegex? Hypothetical,
    SafetyRegex? JustAsking,
    SafetyRegex? Discussion,
    SafetyRegex? Present,
    SafetyRegex? NotPresent,
    SafetyRegex? NegationEnds,
    SafetyRegex? ReportedSpeech,
    SafetyRegex? GotAway)
{
    public static SafetyCues None { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null, null);
}

/// <summary>The patterns, cues and age phrasings of one language file.</summary>
public sealed record SafetyLanguage(string Code, string File, SafetyCues Cues, IReadOnlyList<SafetyPattern> Patterns, IReadOnlyList<SafetyRegex> Ages);

/// <summary>Everything the safety triage knows, loaded from <c>knowledge/safety/</c>. Immutable.</summary>
public sealed class SafetyRules
{
    public SafetyRules(IReadOnlyDictionary<string, SignalDefinition> signals, IReadOnlyList<SafetyLanguage> languages,
        IReadOnlyDictionary<string, string> topicSignals)
    {
        Signals = signals.ToFrozenDictionary(StringComparer.Ordinal);
        Languages = languages;
        TopicSignals = topicSignals.ToFrozenDictionary(StringComparer.Ordinal);
        Patterns = languages.SelectMany(l => l.Patterns).ToArray();
    }

    public FrozenDictionary<string, SignalDefinition> Signals { get; }
    public IReadOnlyList<SafetyLanguage> Languages { get; }
    public IReadOnlyList<SafetyPattern> Patterns { get; }

    /// <summary>Topic id → signal id: a confident topic ranking is itself a (concern-level) signal.</summary>
    public FrozenDictionary<string, string> TopicSignals { get; }

    /// <summary>
    /// Topics about the conversation itself ("delete what I wrote", "is this the police?"): a message confidently ranked as
    /// one is not read against the urgent examples, whose short pleas it can resemble. The patterns still run on it.
    /// </summary>
    public FrozenSet<string> CalmTopics { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Text-message spellings of every language file → the words its patterns are written with ("2nite" → "tonight"),
    /// applied by <see cref="SafetyText.Normalize"/> before any pattern runs.
    /// </summary>
    public FrozenDictionary<string, string> Spellings { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Whole messages labelled urgent or calm; null when the knowledge base has none (the patterns still run).</summary>
    public UrgencyModel? Urgency { get; init; }

    public static SafetyRules Empty { get; } = new(new Dictionary<string, SignalDefinition>(), [], new Dictionary<string, string>());

    /// <summary>
    /// Messages are lower-cased, accent-stripped and apostrophe-free before matching (<see cref="SafetyText"/>), so
    /// patterns need no case folding. Expressions load on the interpreter (start-up does not wait) and are compiled once
    /// used (<see cref="SafetyRegex.EngineFor"/>), or all at once (<see cref="CompileExpressions"/>, the eval command). Measured on 1,760 unseen messages, the whole triage per message:
    /// interpreter ~280 µs mean, compiled ~75 µs, +7 MB managed (all compiled at start: ~60 MB more peak RSS under load). The non-backtracking engine's tables cost ~300 MB for these
    /// expressions (idle RSS 520 → 269 MB, bench/README.md), so it is only the fallback past <see cref="MatchTimeout"/>
    /// (<see cref="SafetyRegex"/>); filters on it in front of the patterns saved another ~50 µs for ~30 MB: not kept.
    /// </summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public const string MinorSignal = "minor";

    /// <summary>Not matched by a pattern: the whole message reads like the urgent examples (<see cref="UrgencyModel"/>).</summary>
    public const string ReadsUrgentSignal = "reads-urgent";

    /// <summary>
    /// Compiles every expression (see <see cref="SafetyRegex.Compile"/>); the rules answer the same before and after.
    /// Each runs once before it replaces the interpreter, so the JIT compiles its matcher here rather than on a person's
    /// message: a pattern on its own first positive example, the ages, "unless" and cue expressions over
    /// <paramref name="warmUpMessages"/> (an "unless" first reached by one eval line had cost it 7-14 ms, every run).
    /// </summary>
    public void CompileExpressions(IEnumerable<string>? warmUpMessages = null)
    {
        var sample = warmUpMessages is null ? null : SafetyText.Normalize(string.Join('\n', warmUpMessages));
        foreach (var language in Languages)
        {
            var cues = language.Cues;
            foreach (var pattern in language.Patterns)
            {
                pattern.Regex.Compile(SafetyText.Normalize(pattern.Positive.Count > 0 ? pattern.Positive[0].Text : pattern.Id));
            }
            foreach (var regex in language.Ages)
            {
                regex.Compile(sample);
            }
            foreach (var regex in language.Patterns.Select(p => p.Unless)
                .Concat([cues.Negation, cues.NotNegation, cues.Past, cues.PastTense, cues.SafeNow, cues.Hypothetical, cues.JustAsking, cues.Discussion, cues.Present, cues.NotPresent, cues.NegationEnds, cues.ReportedSpeech, cues.GotAway]))
            {
                regex?.Compile(sample);
            }
        }
    }
}
