using System.Globalization;
using System.Text.RegularExpressions;
using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Safety;

/// <summary>
/// The safety triage on every message. Curated patterns per language (<c>knowledge/safety/</c>) find signals;
/// cue words around each match discount it (negated: it does not count; past, hypothetical, a definition,
/// news or a story: concern, not urgent); then a few rules combine what counted with the ages in the
/// message, the topic ranking and the signals of recent earlier messages:
/// <list type="bullet">
/// <item>a signal whose pattern is urgent → urgent;</item>
/// <item>a plea or fear (escalator) with a danger signal now, a danger signal earlier in the conversation, or
/// a confident "emergency" topic → urgent;</item>
/// <item>a danger signal about a child (an age under 18 now or earlier) → urgent;</item>
/// <item>two different danger signals, at least one of them now → urgent;</item>
/// <item>a message in which the patterns found nothing urgent and discounted nothing that reads like the urgent examples
/// (<see cref="UrgencyModel"/>) → urgent, unless it says it is over, safe now, or only a question;</item>
/// <item>anything else that fired, even discounted, an age under 18, or a topic that is itself a warning sign →
/// concern. When unsure, concern: the person gets the answer, the warning signs named, and a person offered.</item>
/// </list>
/// Every language's patterns run on every message, so a message in a language the bot does not speak, or
/// one that mixes languages, is still checked. No I/O; an expression past its match timeout runs again on the linear engine
/// (<see cref="SafetyRegex"/>), so no message goes unchecked; never throws.
/// </summary>
public sealed partial class SafetyTriage(KnowledgeStore knowledge, ILogger<SafetyTriage> logger) : ISafetyCheck
{
    /// <summary>A negation this many words before a match cancels it ("he has never hit me").</summary>
    public const int NegationWindow = 3;

    public const string TopicSignalPrefix = "topic:";
    public const string EmergencyTopic = "emergency";

    public SafetyAssessment Assess(SafetyInput input)
    {
        var rules = knowledge.IsReady ? knowledge.Current.Safety : SafetyRules.Empty;
        try
        {
            return Assess(rules, input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: it must not cost the person an answer. Unsure means concern (the answer, plus an offer of a person), and the failure is logged.
            LogFailed(logger, e, e.GetType().Name);
            return new SafetyAssessment(SafetyLevel.Concern, ["safety-check-failed"], []);
        }
    }

    // Ordered by how much a match still counts: the best match of a pattern in a message is the one that counts most.
    private enum Discount { None, Past, SafeNow, Hypothetical, Discussion, Negated, Unless }

    private readonly record struct Hit(SafetyPattern Pattern, Discount Discount);

    public static SafetyAssessment Assess(SafetyRules rules, SafetyInput input)
    {
        var text = SafetyText.Normalize(input.Text ?? "", rules.Spellings);
        var hits = new List<Hit>();
        if (text.Length > 0)
        {
            foreach (var language in rules.Languages)
            {
                AddHits(language, text, hits);
            }
        }

        RestoreDiscussedDanger(hits);

        var counted = new Dictionary<string, (SignalDefinition Signal, SafetyLevel Level)>(StringComparer.Ordinal);
        var redFlags = new List<string>();
        var discounted = new List<string>();
        var patterns = new List<string>();
        var concern = false;
        foreach (var hit in hits)
        {
            var signal = hit.Pattern.Signal;
            switch (hit.Discount)
            {
                case Discount.None:
                    patterns.Add(hit.Pattern.Id);
                    counted[signal.Id] = counted.TryGetValue(signal.Id, out var seen) && seen.Level >= hit.Pattern.Level ? seen : (signal, hit.Pattern.Level);
                    AddFlags(redFlags, signal);
                    concern |= hit.Pattern.Level >= SafetyLevel.Concern;
                    break;
                case Discount.Negated or Discount.Unless:
                    discounted.Add(signal.Id + ":" + hit.Discount.ToString().ToLowerInvariant());
                    break;
                default:
                    // It happened, or could: not urgent, but the warning signs are still worth naming.
                    discounted.Add(signal.Id + ":" + hit.Discount.ToString().ToLowerInvariant());
                    AddFlags(redFlags, signal);
                    concern |= hit.Pattern.Level >= SafetyLevel.Concern;
                    break;
            }
        }

        // Danger told in other words than the patterns': the whole message against the urgent and calm examples (~0.15 ms).
        // Only where the patterns found nothing urgent: what they found urgent already is, and what they discounted (negated,
        // over, hypothetical, a film) stays discounted. A plea or fear alone is read too: "please help me" says nothing of
        // the danger, the rest of the message may.
        if (text.Length > 0 && discounted.Count == 0 && !counted.Values.Any(c => c.Level == SafetyLevel.Urgent)
            && !(input.Ranking is { Verdict: RankingVerdict.Confident } calm && rules.CalmTopics.Contains(calm.TopicId))
            && rules.Urgency is { } urgency && rules.Signals.TryGetValue(SafetyRules.ReadsUrgentSignal, out var readsUrgent)
            && urgency.ReadsUrgent(input.Text ?? "", text))
        {
            var discount = MessageDiscount(rules, text, counted.Values.Any(c => c.Signal.OutlastsEscape));
            if (discount == Discount.None)
            {
                patterns.Add(UrgencyModel.Examples);
                counted[readsUrgent.Id] = (readsUrgent, readsUrgent.Level);
            }
            else
            {
                discounted.Add(readsUrgent.Id + ":" + discount.ToString().ToLowerInvariant());
            }
            concern = true;
        }

        var minorHere = counted.ContainsKey(SafetyRules.MinorSignal) || input.Entities.Ages.Any(IsMinor) || MentionsMinor(rules, text);
        var minor = minorHere || input.Context.Minor;
        var signals = counted.Keys.ToList();
        if (minorHere && !counted.ContainsKey(SafetyRules.MinorSignal) && rules.Signals.TryGetValue(SafetyRules.MinorSignal, out var minorSignal))
        {
            signals.Add(minorSignal.Id);
            AddFlags(redFlags, minorSignal);
            concern = true;
        }

        var topicEmergency = false;
        if (input.Ranking is { Verdict: RankingVerdict.Confident } ranking && rules.TopicSignals.TryGetValue(ranking.TopicId, out var topicSignalId)
            && rules.Signals.TryGetValue(topicSignalId, out var topicSignal) && !discounted.Any(d => d.EndsWith(":discussion", StringComparison.Ordinal) || d.EndsWith(":hypothetical", StringComparison.Ordinal))
            && !MessageIsDiscussion(rules, text))
        {
            // The ranking says what the message is about, not that it happened: at most concern on its own.
            signals.Add(TopicSignalPrefix + topicSignal.Id);
            AddFlags(redFlags, topicSignal);
            concern |= topicSignal.Level >= SafetyLevel.Concern || topicSignal.Kind == SignalKind.Danger;
            topicEmergency = ranking.TopicId == EmergencyTopic;
        }

        var dangerNow = counted.Values.Where(c => c.Signal.Kind == SignalKind.Danger).Select(c => c.Signal.Id).ToHashSet(StringComparer.Ordinal);
        var escalatorNow = counted.Values.Any(c => c.Signal.Kind == SignalKind.Escalator);
        var dangerBefore = input.Context.RecentSignals
            .Where(s => rules.Signals.TryGetValue(s, out var d) && d.Kind == SignalKind.Danger).ToHashSet(StringComparer.Ordinal);

        var urgent = counted.Values.Any(c => c.Level == SafetyLevel.Urgent)
            || (escalatorNow && (dangerNow.Count > 0 || dangerBefore.Count > 0 || topicEmergency))
            || (minor && dangerNow.Count > 0)
            || (dangerNow.Count > 0 && dangerNow.Union(dangerBefore).Count() >= 2);
        if (urgent && (dangerBefore.Count > 0 || input.Context.Minor) && !counted.Values.Any(c => c.Level == SafetyLevel.Urgent))
        {
            signals.Add("earlier-messages");
        }

        var level = urgent ? SafetyLevel.Urgent : concern ? SafetyLevel.Concern : SafetyLevel.None;
        if (level == SafetyLevel.None && signals.Count == 0 && discounted.Count == 0)
        {
            return SafetyAssessment.Safe;
        }
        return new SafetyAssessment(level, signals, RedFlags.All.Where(redFlags.Contains).ToArray())
        {
            Patterns = patterns,
            Discounted = discounted,
            Minor = minor,
        };
    }

    private static void AddHits(SafetyLanguage language, string text, List<Hit> hits)
    {
        var message = new MessageCues(text, language.Cues);
        foreach (var pattern in language.Patterns)
        {
            if (!pattern.Regex.MayMatch(text))
            {
                continue;
            }
            Hit? best;
            try
            {
                best = BestHit(pattern.Regex.EngineFor(text), text, pattern, language.Cues, ref message);
            }
            catch (RegexMatchTimeoutException)
            {
                best = BestHit(pattern.Regex.FallBack(), text, pattern, language.Cues, ref message);
            }
            if (best is { } hit)
            {
                hits.Add(hit);
            }
        }
    }

    /// <summary>The match of a pattern that counts most: the first that no cue discounts, or else the least discounted.</summary>
    private static Hit? BestHit(Regex regex, string text, SafetyPattern pattern, SafetyCues cues, ref MessageCues message)
    {
        Hit? best = null;
        foreach (var match in regex.EnumerateMatches(text))
        {
            var discount = DiscountOf(text, match.Index, match.Length, pattern, cues, ref message);
            if (best is null || discount < best.Value.Discount)
            {
                best = new Hit(pattern, discount);
            }
            if (discount == Discount.None)
            {
                break;
            }
        }
        return best;
    }

    /// <summary>
    /// A question about meaning ("what does it mean when they threaten family like this?") discounts the whole message as a
    /// discussion, but once another danger in it is happening now ("he is sitting outside my door now") the question is
    /// about the writer's own danger: what it discounted counts again.
    /// </summary>
    private static void RestoreDiscussedDanger(List<Hit> hits)
    {
        if (!hits.Exists(static h => h.Discount == Discount.Discussion))
        {
            return;
        }
        var happening = hits.Where(h => h.Discount == Discount.None && h.Pattern.Signal.Kind == SignalKind.Danger).Select(h => h.Pattern.Signal.Id).ToHashSet(StringComparer.Ordinal);
        if (happening.Count == 0)
        {
            return;
        }
        for (var i = 0; i < hits.Count; i++)
        {
            // Another danger: the same one said twice (in two languages' words) is still the one discussed.
            if (hits[i].Discount == Discount.Discussion && !happening.Contains(hits[i].Pattern.Signal.Id))
            {
                hits[i] = hits[i] with { Discount = Discount.None };
            }
        }
    }

    /// <summary>An age under 18 said in any language's phrasing ("im 15", "lilemo li 15", "15 anos").</summary>
    public static bool MentionsMinor(SafetyRules rules, string normalized)
    {
        foreach (var language in rules.Languages)
        {
            foreach (var age in language.Ages)
            {
                if (!age.MayMatch(normalized))
                {
                    continue;
                }
                bool minor;
                try
                {
                    minor = NamesMinorAge(age.EngineFor(normalized), normalized);
                }
                catch (RegexMatchTimeoutException)
                {
                    minor = NamesMinorAge(age.FallBack(), normalized);
                }
                if (minor)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool NamesMinorAge(Regex age, string normalized)
    {
        foreach (Match match in age.Matches(normalized))
        {
            if (int.TryParse(match.Groups["age"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && IsMinor(years))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Under 18 (Palermo Protocol: a child); 0–3 are more likely a slip than a child writing or being moved.</summary>
    public static bool IsMinor(int age) => age is >= 4 and < 18;

    private static void AddFlags(List<string> flags, SignalDefinition signal)
    {
        foreach (var flag in signal.RedFlags)
        {
            if (!flags.Contains(flag))
            {
                flags.Add(flag);
            }
        }
    }

    private static bool MessageIsDiscussion(SafetyRules rules, string text)
    {
        foreach (var language in rules.Languages)
        {
            if (language.Cues.Discussion?.IsMatch(text) == true || language.Cues.JustAsking?.IsMatch(text) == true)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// When the whole message says it happens: the urgency model reads whole messages, so a discussion or "just asking",
    /// "I am safe now", or the past without a word of now anywhere in it, makes it concern.
    /// </summary>
    /// <param name="hunted">A signal that outlasts an escape counted ("hiding at the rank"): getting away does not make it over.</param>
    private static Discount MessageDiscount(SafetyRules rules, string text, bool hunted)
    {
        if (MessageIsDiscussion(rules, text))
        {
            return Discount.Discussion;
        }
        foreach (var language in rules.Languages)
        {
            var cues = language.Cues;
            if (cues.SafeNow?.IsMatch(text) == true || (!hunted && cues.GotAway?.IsMatch(text) == true))
            {
                return Discount.SafeNow;
            }
            if (cues.Past?.IsMatch(text) == true && !SaysNow(text, cues))
            {
                return Discount.Past;
            }
        }
        return Discount.None;
    }

    /// <summary>Message-wide cues of one language, evaluated at most once per message.</summary>
    private struct MessageCues(string text, SafetyCues cues)
    {
        private bool? _safeNow;
        private bool? _justAsking;
        private bool? _discussion;
        private bool? _gotAway;

        public bool SafeNow => _safeNow ??= cues.SafeNow?.IsMatch(text) == true;
        public bool GotAway => _gotAway ??= cues.GotAway?.IsMatch(text) == true;
        public bool JustAsking => _justAsking ??= cues.JustAsking?.IsMatch(text) == true;
        public bool Discussion => _discussion ??= cues.Discussion?.IsMatch(text) == true;
    }

    /// <summary>
    /// The text with its negation look-alikes ("won't stop") blanked out, when a negation word is left in it; null when none
    /// is. Only a text that holds a negation word is copied.
    /// </summary>
    private static string? NegationWords(ReadOnlySpan<char> text, SafetyRegex negation, SafetyRegex? notNegation)
    {
        if (!negation.IsMatch(text))
        {
            return null;
        }
        var words = notNegation?.Replace(text.ToString(), " ") ?? text.ToString();
        return notNegation is null || negation.IsMatch(words) ? words : null;
    }

    /// <summary>
    /// "I'm not leaving and he's standing at the door": an "and" or a "but" after the negation starts another
    /// statement, which the negation does not reach.
    /// </summary>
    private static bool EndsBefore(ReadOnlySpan<char> window, SafetyRegex negation, SafetyRegex? ends) =>
        ends is not null && ends.IsMatch(window[Math.Max(0, negation.LastMatchEnd(window))..]);

    /// <summary>
    /// "He says he is not in danger" matched "{be} (?:\w+ ){0,1}in danger" with the "not" as its free word. A negation
    /// inside the match that the pattern also matches without is the writer's, not part of the danger's words ("not
    /// allowed to leave" needs its "not" and still counts).
    /// </summary>
    private static bool NegatedInside(ReadOnlySpan<char> match, SafetyRegex regex, SafetyRegex negation, SafetyRegex? notNegation)
    {
        if (NegationWords(match, negation, notNegation) is not { } words)
        {
            return false;
        }
        var without = string.Join(' ', negation.Replace(words, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return regex.IsMatch(without);
    }

    /// <summary>
    /// A word of now that is not one of the look-alikes of <c>not_present</c>: "can I still lay a charge" asks whether it is
    /// too late, it does not say the beating goes on. Only a text holding both is copied.
    /// </summary>
    private static bool SaysNow(ReadOnlySpan<char> text, SafetyCues cues)
    {
        if (cues.Present?.IsMatch(text) != true)
        {
            return false;
        }
        return cues.NotPresent?.IsMatch(text) != true || cues.Present.IsMatch(cues.NotPresent.Replace(text.ToString(), " "));
    }

    /// <summary>
    /// "If we don't open the gate they'll come in and stab us": in a threat said with "if" (a <c>conditional</c> pattern), a
    /// negation after the "if" is the condition's, not the threat's.
    /// </summary>
    private static bool NegatesTheCondition(string text, int clauseStart, int index, SafetyPattern pattern, SafetyCues cues) =>
        pattern.Conditional && cues.Hypothetical?.IsMatch(text.AsSpan(clauseStart, index - clauseStart)) == true;

    private static Discount DiscountOf(string text, int index, int length, SafetyPattern pattern, SafetyCues cues, ref MessageCues message)
    {
        var (clauseStart, clauseEnd) = SafetyText.Span(text, index, length, clause: true);
        var clause = text.AsSpan(clauseStart, clauseEnd - clauseStart);
        if (pattern.Unless?.IsMatch(clause) == true)
        {
            return Discount.Unless;
        }

        if (cues.Negation is { } negation)
        {
            var window = SafetyText.WordsBefore(text, clauseStart, index, NegationWindow);
            if (NegationWords(window, negation, cues.NotNegation) is not null && !EndsBefore(window, negation, cues.NegationEnds)
                && !NegatesTheCondition(text, clauseStart, index, pattern, cues))
            {
                return Discount.Negated;
            }
            if (NegatedInside(text.AsSpan(index, length), pattern.Regex, negation, cues.NotNegation))
            {
                return Discount.Negated;
            }
        }

        if (!pattern.Conditional && cues.Hypothetical?.IsMatch(text.AsSpan(clauseStart, index - clauseStart)) == true)
        {
            return Discount.Hypothetical;
        }

        // "Now", "tonight", "still": it is happening, whatever else the message says about the past or the news.
        if (SaysNow(clause, cues))
        {
            return Discount.None;
        }
        if (message.JustAsking)
        {
            return Discount.Hypothetical;
        }
        if (message.Discussion)
        {
            return Discount.Discussion;
        }
        if (pattern.Present)
        {
            return Discount.None;
        }
        var (sentenceStart, sentenceEnd) = SafetyText.Span(text, index, length, clause: false);
        // A tense marker is about its own verb, up to the match ("o ne a koaletsoe"): "they locked her in, she had borrowed a phone"
        // is still now. A word of now before the match, in an earlier clause, ends the tense told before it: "ke ne ke botsa ka
        // visa, but now ba nkoaletse" (I was asking about a visa, but now they have locked me in) is now. A past time ("in 2017")
        // stays the whole sentence's: "in 2017, on the way, they kept him in a house" is over. Reported speech starts its own
        // tense: "o ne a re o koaletsoe" (she was saying she is locked in) is a call about now, relayed.
        var before = text.AsSpan(sentenceStart, index - sentenceStart);
        var tenseStart = sentenceStart + Math.Max(0, Math.Max(cues.Present?.LastMatchEnd(before) ?? -1, cues.ReportedSpeech?.LastMatchEnd(before) ?? -1));
        if (cues.Past?.IsMatch(text.AsSpan(sentenceStart, sentenceEnd - sentenceStart)) == true
            || cues.PastTense?.IsMatch(text.AsSpan(tenseStart, index + length - tenseStart)) == true)
        {
            return Discount.Past;
        }
        if (message.SafeNow)
        {
            return Discount.SafeNow;
        }
        return message.GotAway && !pattern.Signal.OutlastsEscape ? Discount.SafeNow : Discount.None;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Safety assessment failed ({ExceptionType}); the message was treated as a concern")]
    private static partial void LogFailed(ILogger logger, Exception exception, string exceptionType);
}
