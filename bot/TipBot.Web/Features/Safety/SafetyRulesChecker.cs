using TipBot.Features.Knowledge;

namespace TipBot.Features.Safety;

/// <summary>
/// The <c>knowledge check</c> rules for <c>knowledge/safety/</c> (compile errors and missing examples are
/// reported while loading). Every example is run through the real triage on its own, with no conversation:
/// a <c>positive</c> example must make its pattern count and reach the pattern's level, a <c>negative</c>
/// one must not make it count (no match, or a match that is negated, past, hypothetical or a discussion).
/// </summary>
public static class SafetyRulesChecker
{
    public const string RedFlagKeyPrefix = "redflag.";

    public static void Check(KnowledgeBase knowledge, string root, List<KnowledgeDiagnostic> diagnostics)
    {
        var rules = knowledge.Safety;
        foreach (var pattern in rules.Patterns)
        {
            // The prefilter is sound by construction (RequiredText); its own examples are where a mistake there would show first.
            foreach (var example in pattern.Positive.Concat(pattern.Negative))
            {
                var text = SafetyText.Normalize(example.Text, rules.Spellings);
                if (!pattern.Regex.MayMatch(text) && pattern.Regex.Engine.IsMatch(text))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, pattern.File, example.Line,
                        $"'{pattern.Id}' matches this example, but its prefilter would skip it (a fault in RequiredText: please report it)"));
                }
            }
            foreach (var example in pattern.Positive)
            {
                var assessment = SafetyTriage.Assess(rules, new SafetyInput(example.Text));
                if (!assessment.Patterns.Contains(pattern.Id))
                {
                    var why = assessment.Discounted.FirstOrDefault(d => d.StartsWith(pattern.Signal.Id + ":", StringComparison.Ordinal));
                    diagnostics.Add(new(DiagnosticSeverity.Error, pattern.File, example.Line, why is null
                        ? $"positive example of '{pattern.Id}' does not match it"
                        : $"positive example of '{pattern.Id}' matches but is discounted ({why[(pattern.Signal.Id.Length + 1)..]})"));
                }
                else if (assessment.Level < pattern.Level)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, pattern.File, example.Line,
                        $"positive example of '{pattern.Id}' is assessed {assessment.Level}, below the pattern's level {pattern.Level}"));
                }
            }
            foreach (var example in pattern.Negative)
            {
                var assessment = SafetyTriage.Assess(rules, new SafetyInput(example.Text));
                if (assessment.Patterns.Contains(pattern.Id))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, pattern.File, example.Line,
                        $"negative example of '{pattern.Id}' makes it count (assessed {assessment.Level})"));
                }
            }
        }

        var english = knowledge.Strings(KnowledgeBase.DefaultLanguage);
        foreach (var flag in rules.Signals.Values.SelectMany(s => s.RedFlags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!english.All.ContainsKey(RedFlagKeyPrefix + flag))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(root, "locales", "en.yaml"), 0,
                    $"missing string '{RedFlagKeyPrefix}{flag}': red flags are named to the person in plain words"));
            }
        }

        // A misspelt calm topic would silently leave that topic's messages read against the urgency examples.
        foreach (var topic in rules.CalmTopics.Where(t => !knowledge.HasTopic(t)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(root, SafetyRulesLoader.Folder, SafetyRulesLoader.SignalsFile), 0, $"calm_topics names unknown topic '{topic}'"));
        }

        foreach (var country in knowledge.Countries.Values)
        {
            foreach (var key in country.UrgentContactKeys.Concat(country.ChildContactKeys).Where(k => !knowledge.Contacts.ContainsKey(k)))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, Path.Combine(root, "contacts", country.Code + ".yaml"), 0,
                    $"urgent contact '{key}' does not exist"));
            }
        }
    }
}
