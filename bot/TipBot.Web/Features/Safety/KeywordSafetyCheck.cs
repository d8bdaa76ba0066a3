using System.Text.RegularExpressions;

namespace TipBot.Features.Safety;

/// <summary>
/// The first, deliberately simple safety check: English and Sesotho phrases that say someone is in
/// danger now. It errs towards "urgent". Curated per-language patterns with negation, context and
/// entity signals replace it (the safety triage issue).
/// </summary>
public sealed partial class KeywordSafetyCheck : ISafetyCheck
{
    private static readonly (string Signal, Regex Pattern)[] UrgentPatterns =
    [
        ("confined", Confined()),
        ("violence", Violence()),
        ("threat-to-life", ThreatToLife()),
        ("self-harm", SelfHarm()),
        ("plea-for-rescue", Rescue()),
    ];

    public SafetyAssessment Assess(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyAssessment.Safe;
        }
        List<string>? signals = null;
        foreach (var (signal, pattern) in UrgentPatterns)
        {
            if (pattern.IsMatch(text))
            {
                (signals ??= []).Add(signal);
            }
        }
        return signals is null ? SafetyAssessment.Safe : new SafetyAssessment(SafetyLevel.Urgent, signals);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(locked (us |me |them )?(in|up|inside)|lock(s|ed)? (us|me) (in|up)|(we|i) (are|am|r) trapped|trapped (in|at|inside)|(can ?not|cant|can't|not allowed to) (leave|escape|get out|go out)\b.*\b(now|guard|gate|lock)|(kidnap(ped|ping)?|abduct(ed|ing)?) (me|us|my|her|him|them)|(been|being|was|were|got) (kidnapped|abducted))", Options)]
    private static partial Regex Confined();

    [GeneratedRegex(@"\b(beat(s|ing)? (me|us|her|him)|(hits?|hitting) (me|us)|raped?\b|rapes|assault(ed|ing)? (me|us)|(he|she|they) (is|are) (beating|hurting)|bleeding)", Options)]
    private static partial Regex Violence();

    [GeneratedRegex(@"\b((will|gonna|going to|wants? to) (kill|shoot|stab) (us|me|her|him|whoever)|(has|have|with) a (gun|knife)|kill us|kill me)\b", Options)]
    private static partial Regex ThreatToLife();

    [GeneratedRegex(@"\b(kill (my ?self|myself)|suicid|end (my|it) (life|all)|want(ed)? to die|don'?t want to live|ke batla ho ipolaea|ho ipolaea)", Options)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(send (someone|police|help)|call (the )?police for (me|us)|come (and )?(get|save|rescue) (me|us)|rescue (me|us)|save (me|us)|help (me|us) (now|please|pls|plz)|thusa(ng)? hle (hona joale|kapele)|re koaletsoe|ke koaletsoe)", Options)]
    private static partial Regex Rescue();
}
