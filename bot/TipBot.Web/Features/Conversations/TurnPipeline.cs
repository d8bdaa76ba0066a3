using System.Globalization;
using TipBot.Features.Flows;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// One turn, in TipBot's own types: safety first, then commands and buttons, then topic ranking, then
/// the reply. Pure decision-making: no I/O, so it is fast and the same for every channel, the terminal
/// and the eval command.
/// </summary>
public sealed class TurnPipeline(
    KnowledgeStore knowledge,
    TopicRanker ranker,
    EntityExtractor entities,
    ISafetyCheck safety,
    AnswerRenderer renderer,
    ConversationLanguage languages)
{
    public const string MenuTarget = "!menu";
    public const string MoreTarget = "!more";
    public const string EmergencyTopic = "emergency";
    public const string HumanTopic = "talk-to-human";
    public const string LanguageTopic = "change-language";

    /// <summary>The "leave a request" button, offered when nobody can answer live.</summary>
    public const string CallbackTarget = "!callback";

    /// <summary>The "I am not safe now" button, offered with a concern: one tap from warning signs to emergency help.</summary>
    public const string UnsafeTarget = "!unsafe";

    /// <summary>"Delete my messages": asks to confirm first.</summary>
    public const string EraseTarget = "!erase";

    /// <summary>"Yes, delete": the turn's outcome asks for the conversation to be deleted (<see cref="TurnOutcome.Erase"/>).</summary>
    public const string EraseConfirmedTarget = "!erase-confirmed";

    /// <summary>"No, keep them": nothing is deleted, and the menu follows.</summary>
    public const string EraseKeptTarget = "!erase-kept";

    public const string PrivacyTopic = "privacy";

    /// <summary>
    /// The step-by-step flows: the topic whose answer offers each (with its button's string) and the locale string of the
    /// whole messages that start it.
    /// </summary>
    private static readonly (string Topic, string Button, string Words, string Target)[] Flows =
    [
        (PrivacyTopic, "button.erase", "erase.words", EraseTarget),
        (JobOfferCheck.TopicId, "button.offer-check", "offer.words", JobOfferCheck.StartTarget),
        (ReportTopic, "button.report-case", "report.words", ReportCase.StartTarget),
    ];

    /// <summary>The flow a message's exact words start, and the language of those words.</summary>
    private static (string Target, string Language)? FlowStartedBy(KnowledgeBase kb, string text, string language)
    {
        foreach (var flow in Flows)
        {
            if (LocalePhrases.LanguageOf(kb, flow.Words, text, language) is { } written)
            {
                return (flow.Target, written);
            }
        }
        return null;
    }

    /// <summary>A phone number sent after leaving a request: the number the person agrees to be called on.</summary>
    public const string CallbackNumberTopic = "!callback-number";

    /// <summary>A message while a person from the team has the conversation: for them, not for the bot.</summary>
    public const string WithPersonTopic = "!with-person";

    private static readonly string[] MenuWords = ["menu", "help", "0", "start", "main menu"];
    private static readonly string[] MoreWords = ["more", "tell me more", "details"];
    public const string ReportTopic = "report-trafficking";

    /// <summary>
    /// Ranking and entity recognition read at most this much of a message: a long story's first screens say
    /// what it is about, and an oversized message must not cost seconds of CPU. Safety reads all of it.
    /// </summary>
    public const int MaxUnderstoodChars = 2000;

    public TurnOutcome Handle(InboundMessage message, ConversationMemory memory, UserProfile profile)
    {
        var turn = Understand(message, memory, profile);
        var (kb, text, found, ranked, assessment) = (turn.Knowledge, turn.Text, turn.Entities, turn.Ranking, turn.Safety);
        var decision = turn.Decision;
        var language = decision.Language;
        var strings = kb.Strings(language);

        TurnOutcome Outcome(IReadOnlyList<BotReply> replies, string topic, TopicRanking ranking, HumanPriority? human = null) =>
            new(replies, language, topic, ranking, assessment, found, human);

        if (assessment.IsUrgent)
        {
            // Help comes first and alone, whatever the conversation was doing (a list, "More", waiting for a person);
            // the topic is still recorded so the operator sees what it is about.
            memory.Offered.Clear();
            memory.AwaitingCallbackNumber = false;
            memory.Report = null;
            return Outcome(UrgentReplies(kb, strings, assessment, LikelyCountry(kb, message.UserId, memory)), UrgentTopic.For(ranked, assessment), ranked, HumanPriority.Urgent);
        }
        if (memory.AwaitingCallbackNumber)
        {
            memory.AwaitingCallbackNumber = false;
            if (found.PhoneNumbers.Count > 0)
            {
                return Outcome([], CallbackNumberTopic, TopicRanking.Nothing);
            }
        }
        if (text.Length == 0)
        {
            return Outcome([new BotReply(strings["empty"], [new ReplyButton(strings["button.menu"])])], TopicRanking.NoTopic, TopicRanking.Nothing);
        }

        var target = Chosen(text, memory) ?? (Is(text, MenuWords) ? MenuTarget : Is(text, MoreWords) ? MoreTarget : null);
        if (target is null && FlowStartedBy(kb, text, language) is { } flow)
        {
            target = flow.Target;
            // "hlahloba mosebetsi" is too short to detect a language from, yet says which one the person reads.
            if (!profile.LanguageChosen && flow.Language != language)
            {
                profile.Language = flow.Language;
                (language, strings) = (flow.Language, kb.Strings(flow.Language));
            }
        }
        target ??= memory.Offered.Exists(o => JobOfferCheck.IsAnswer(o.Target)) ? JobOfferCheck.Typed(kb, text) : null;
        if (target is not null && target.StartsWith(ConversationLanguage.TargetPrefix, StringComparison.Ordinal))
        {
            decision = ConversationLanguage.Switch(profile, target[ConversationLanguage.TargetPrefix.Length..]);
            (language, strings) = (decision.Language, kb.Strings(decision.Language));
            target = null;
        }
        // The report's last step takes whatever the person writes next as what happened; anything chosen instead ends it.
        if (ReportCase.AwaitsStory(memory))
        {
            if (target is null && decision.Request == LanguageRequest.None)
            {
                return Outcome([ReportCase.Told(memory, strings)], CallbackTarget, TopicRanking.Nothing, HumanPriority.Normal);
            }
            memory.Report = null;
        }
        switch (decision.Request)
        {
            case LanguageRequest.Switch:
                var switched = Menu(kb, strings, language, memory);
                return new TurnOutcome([new BotReply(strings["language.switched"]), switched], language, LanguageTopic, TopicRanking.Nothing, assessment, found, null);
            case LanguageRequest.Choose:
                memory.Offered.Clear();
                memory.Offered.AddRange(ConversationLanguage.Choices(kb));
                return new TurnOutcome([new BotReply(strings["language.choose"], Buttons(memory.Offered))], language, LanguageTopic, TopicRanking.Nothing, assessment, found, null);
        }
        switch (target)
        {
            case MenuTarget:
                return Outcome([Menu(kb, strings, language, memory)], TopicRanking.NoTopic, TopicRanking.Nothing);
            case MoreTarget:
                return Outcome([More(kb, strings, language, memory)], memory.LastTopic ?? TopicRanking.NoTopic, TopicRanking.Nothing);
            case EraseTarget:
                memory.Offered.Clear();
                memory.Offered.AddRange([new OfferedChoice(strings["button.erase-confirm"], EraseConfirmedTarget), new OfferedChoice(strings["button.erase-keep"], EraseKeptTarget)]);
                return Outcome([new BotReply(strings["erase.confirm"], Buttons(memory.Offered))], PrivacyTopic, TopicRanking.Nothing);
            case ReportCase.StartTarget:
                return Outcome([ReportCase.Start(memory, strings)], ReportTopic, TopicRanking.Nothing);
            case ReportCase.ContinueTarget:
                return Outcome([ReportCase.Continue(memory, strings)], ReportTopic, TopicRanking.Nothing);
            case var answer when ReportCase.IsAnswer(answer):
                return Outcome([ReportCase.Answer(memory, strings)], ReportTopic, TopicRanking.Nothing);
            case JobOfferCheck.StartTarget:
                return Outcome([JobOfferCheck.Start(memory, strings)], JobOfferCheck.TopicId, TopicRanking.Nothing);
            case JobOfferCheck.ContinueTarget:
                return Outcome([JobOfferCheck.Continue(memory, strings)], JobOfferCheck.TopicId, TopicRanking.Nothing);
            case JobOfferCheck.YesTarget or JobOfferCheck.NoTarget or JobOfferCheck.UnsureTarget:
                return Outcome([JobOfferCheck.Answer(memory, kb, language, target)], JobOfferCheck.TopicId, TopicRanking.Nothing);
            case EraseKeptTarget:
                return Outcome([new BotReply(strings["erase.kept"]), Menu(kb, strings, language, memory)], PrivacyTopic, TopicRanking.Nothing);
            case EraseConfirmedTarget:
                return Outcome([new BotReply(strings["erase.done"])], PrivacyTopic, TopicRanking.Nothing) with { Erase = true };
            case CallbackTarget:
                memory.Offered.Clear();
                return Outcome([], CallbackTarget, TopicRanking.Nothing, HumanPriority.Normal);
            case not null:
                return Answer(kb, strings, language, memory, target, new TopicRanking(RankingVerdict.Confident, [new TopicScore(target, 1f, 1f)]), Outcome);
        }

        var ranking = ranked;
        switch (ranking.Verdict)
        {
            case RankingVerdict.Confident:
                return WithConcern(InPriority(Answer(kb, strings, language, memory, ranking.TopicId, ranking, Outcome), assessment), strings, memory);
            case RankingVerdict.CloseCall:
                return WithConcern(Outcome([DidYouMean(kb, strings, language, memory, ranking)], ranking.TopicId, ranking), strings, memory);
            default:
                if (languages.Unsupported(text, kb) is { } foreign)
                {
                    var notice = Unsupported(kb, memory);
                    // Understood though not spoken: the answer follows, in the person's current language.
                    var understood = ranker.RankForeign(text, foreign);
                    if (understood.Verdict == RankingVerdict.Confident)
                    {
                        var answered = InPriority(Answer(kb, strings, language, memory, understood.TopicId, understood, Outcome), assessment);
                        return WithConcern(answered with { Replies = [notice, .. answered.Replies] }, strings, memory);
                    }
                    return Outcome([notice], TopicRanking.NoTopic, ranking);
                }
                var menu = Menu(kb, strings, language, memory);
                return WithConcern(Outcome([new BotReply(strings["no-match"] + "\n\n" + NumberedList(memory.Offered), menu.Buttons)], TopicRanking.NoTopic, ranking), strings, memory);
        }
    }

    /// <summary>
    /// A message while the person waits for, or talks to, someone from the team: the bot answers no topic, but the
    /// safety check runs as on every message, and danger still gets the emergency contacts at once.
    /// </summary>
    public TurnOutcome HandleWithPerson(InboundMessage message, ConversationMemory memory, UserProfile profile)
    {
        var turn = Understand(message, memory, profile);
        var language = turn.Decision.Language;
        if (!turn.Safety.IsUrgent)
        {
            return new TurnOutcome([], language, WithPersonTopic, turn.Ranking, turn.Safety, turn.Entities, null);
        }
        var replies = UrgentReplies(turn.Knowledge, turn.Knowledge.Strings(language), turn.Safety, LikelyCountry(turn.Knowledge, message.UserId, memory));
        return new TurnOutcome(replies, language, UrgentTopic.For(turn.Ranking, turn.Safety), turn.Ranking, turn.Safety, turn.Entities, HumanPriority.Urgent);
    }

    /// <summary>What every message goes through: its language, entities, topic ranking and the safety check.</summary>
    private Understood Understand(InboundMessage message, ConversationMemory memory, UserProfile profile)
    {
        var kb = knowledge.Current;
        var text = message.Text.Trim();
        var decision = languages.Decide(text, profile, kb);
        var understood = text.Length > MaxUnderstoodChars ? text[..MaxUnderstoodChars] : text;
        var found = entities.Extract(understood);
        // Ranked before the safety check because a confident topic is one of its signals; reused by the caller.
        var ranked = ranker.Rank(understood, decision.Mixed ? null : decision.Written);
        // The person's own answer to "are you in danger now?" outranks any reading of the words (a bare "1" reads calm).
        var assessment = Chosen(text, memory) is UnsafeTarget or ReportCase.AnswerPrefix + ReportCase.DangerNow
            ? SaidUnsafe with { Minor = memory.Safety.Minor }
            : safety.Assess(new SafetyInput(text) { Entities = found, Ranking = ranked, Context = memory.Safety.Context() });
        memory.Safety.Remember(assessment);
        RememberCountry(kb, memory, text);
        return new Understood(kb, text, decision, found, ranked, assessment);
    }

    private static readonly SafetyAssessment SaidUnsafe = new(SafetyLevel.Urgent, [DangerNowSignal], []);
    private const string DangerNowSignal = "danger-now";

    private readonly record struct Understood(KnowledgeBase Knowledge, string Text, LanguageDecision Decision, TurnEntities Entities, TopicRanking Ranking, SafetyAssessment Safety);

    /// <summary>
    /// The emergency topic asks a person urgently when the message read like it; when the safety check set that reading
    /// aside (a film, a school project, "what if"), the question is about emergencies, not one happening: a person still
    /// answers, at normal priority. Chosen from a button, the emergency topic stays urgent.
    /// </summary>
    private static TurnOutcome InPriority(TurnOutcome answer, SafetyAssessment assessment) =>
        answer is { TopicId: EmergencyTopic, HumanRequest: HumanPriority.Urgent }
        && !assessment.Signals.Any(s => s.StartsWith(SafetyTriage.TopicSignalPrefix, StringComparison.Ordinal))
            ? answer with { HumanRequest = HumanPriority.Normal }
            : answer;

    private TurnOutcome Answer(KnowledgeBase kb, LocaleStrings strings, string language, ConversationMemory memory, string topicId,
        TopicRanking ranking, Func<IReadOnlyList<BotReply>, string, TopicRanking, HumanPriority?, TurnOutcome> outcome)
    {
        if (kb.Find(topicId, language) is not { } entry)
        {
            return outcome([Menu(kb, strings, language, memory)], TopicRanking.NoTopic, ranking, null);
        }
        var replies = new List<BotReply>(2);
        if (entry.Language != language)
        {
            replies.Add(new BotReply(strings["language.fallback"]));
        }

        memory.LastTopic = entry.Id;
        memory.Offered.Clear();
        foreach (var followUp in entry.FollowUps.Take(3))
        {
            if (kb.Find(followUp, language) is { } next)
            {
                memory.Offered.Add(new OfferedChoice(next.Button, next.Id));
            }
        }
        // The flow that goes with a topic, and a flow interrupted by this question, come first after "More".
        foreach (var flow in Flows.Where(flow => flow.Topic == entry.Id))
        {
            memory.Offered.Insert(0, new OfferedChoice(strings[flow.Button], flow.Target));
        }
        if (memory.Report is not null)
        {
            memory.Offered.Insert(0, new OfferedChoice(strings["button.report-continue"], ReportCase.ContinueTarget));
        }
        if (memory.OfferCheck is not null)
        {
            memory.Offered.Insert(0, new OfferedChoice(strings["button.offer-continue"], JobOfferCheck.ContinueTarget));
        }
        if (entry.More is not null)
        {
            memory.Offered.Insert(0, new OfferedChoice(strings["button.more"], MoreTarget));
        }
        if (entry.Id == TopicRanker.GreetingTopic)
        {
            // "Lumela" or "hi" is most people's first message and too short to tell their language from.
            memory.Offered.AddRange(ConversationLanguage.OtherChoices(kb, language));
        }
        memory.Offered.Add(new OfferedChoice(strings["button.menu"], MenuTarget));
        replies.Add(new BotReply(renderer.Render(entry.Answer, kb, entry.Language), Buttons(memory.Offered)));

        var human = entry.Id switch
        {
            EmergencyTopic => HumanPriority.Urgent,
            HumanTopic => HumanPriority.Normal,
            _ => (HumanPriority?)null,
        };
        return outcome(replies, entry.Id, ranking, human);
    }

    private BotReply More(KnowledgeBase kb, LocaleStrings strings, string language, ConversationMemory memory)
    {
        var entry = memory.LastTopic is { } topic ? kb.Find(topic, language) : null;
        memory.Offered.RemoveAll(o => o.Target == MoreTarget);
        if (memory.Offered.Count == 0)
        {
            memory.Offered.Add(new OfferedChoice(strings["button.menu"], MenuTarget));
        }
        return entry?.More is { } more
            ? new BotReply(renderer.Render(more, kb, entry.Language), Buttons(memory.Offered))
            : new BotReply(strings["more.none"], Buttons(memory.Offered));
    }

    private static BotReply DidYouMean(KnowledgeBase kb, LocaleStrings strings, string language, ConversationMemory memory, TopicRanking ranking)
    {
        memory.Offered.Clear();
        foreach (var candidate in ranking.Candidates.Take(3))
        {
            if (kb.Find(candidate.TopicId, language) is { } entry)
            {
                memory.Offered.Add(new OfferedChoice(entry.Button, entry.Id));
            }
        }
        memory.Offered.Add(new OfferedChoice(strings["button.menu"], MenuTarget));
        return new BotReply(strings["did-you-mean"], Buttons(memory.Offered));
    }

    /// <summary>A message in a language TipBot does not speak: say so in every language it does speak.</summary>
    private static BotReply Unsupported(KnowledgeBase kb, ConversationMemory memory)
    {
        memory.Offered.Clear();
        memory.Offered.AddRange(ConversationLanguage.Choices(kb));
        if (kb.Find(HumanTopic, KnowledgeBase.DefaultLanguage) is { } human)
        {
            memory.Offered.Add(new OfferedChoice(human.Button, human.Id));
        }
        var text = string.Join("\n\n", kb.Locales.Values.OrderBy(l => l.Language == KnowledgeBase.DefaultLanguage ? 0 : 1).Select(l => l["language.unsupported"]));
        return new BotReply(text, Buttons(memory.Offered));
    }

    private static BotReply Menu(KnowledgeBase kb, LocaleStrings strings, string language, ConversationMemory memory)
    {
        memory.Offered.Clear();
        foreach (var topic in kb.Menu)
        {
            if (kb.Find(topic, language) is { } entry)
            {
                memory.Offered.Add(new OfferedChoice(entry.Button, entry.Id));
            }
        }
        return new BotReply(strings["menu.intro"] + "\n\n" + NumberedList(memory.Offered) + "\n\n" + strings["menu.footer"], Buttons(memory.Offered));
    }

    private static List<BotReply> UrgentReplies(KnowledgeBase kb, LocaleStrings strings, SafetyAssessment assessment, string? country) =>
    [
        new BotReply(SafetyReplies.UrgentContacts(kb, strings, country, assessment.Minor)),
        new BotReply(strings["urgent.handoff"] + "\n\n" + strings["urgent.safety-tip"]),
    ];

    /// <summary>The channel's phone number prefix, else places named in this conversation, else unknown (null).</summary>
    public static string? LikelyCountry(KnowledgeBase kb, string? userId, ConversationMemory memory) =>
        SafetyReplies.CountryFromUserId(kb, userId) ?? memory.Safety.Country;

    /// <summary>A message that names places in only one country ("i work in polokwane") says where the person is.</summary>
    private static void RememberCountry(KnowledgeBase kb, ConversationMemory memory, string text)
    {
        var head = text.Length > MaxUnderstoodChars ? text[..MaxUnderstoodChars] : text;
        if (SafetyReplies.CountryFromText(kb, SafetyText.Normalize(head)) is { } named)
        {
            memory.Safety.Country = named;
        }
    }

    /// <summary>
    /// A concern: the answer as usual, then the warning signs found named in plain words, with a person and the
    /// report topic offered first among the buttons. Signs already named in this conversation are not repeated.
    /// </summary>
    private static TurnOutcome WithConcern(TurnOutcome outcome, LocaleStrings strings, ConversationMemory memory)
    {
        if (outcome.Safety.Level != SafetyLevel.Concern)
        {
            return outcome;
        }
        var flags = outcome.Safety.RedFlags.Where(f => !memory.Safety.FlagsNamed.Contains(f)).ToList();
        if (flags.Count == 0 && (memory.Safety.PersonOffered || outcome.Safety.RedFlags.Count > 0))
        {
            return outcome;
        }
        memory.Safety.FlagsNamed.AddRange(flags);
        memory.Safety.PersonOffered = true;

        var offers = new[]
            {
                new OfferedChoice(strings["button.unsafe"], UnsafeTarget), new OfferedChoice(strings["button.person"], HumanTopic),
                new OfferedChoice(strings["button.report"], ReportTopic),
            }
            .Where(offer => !memory.Offered.Any(o => o.Target == offer.Target));
        var at = memory.Offered.FindIndex(o => o.Target == MoreTarget) + 1;
        memory.Offered.InsertRange(at, offers);

        // The buttons move to the last message, where every channel shows them.
        var replies = outcome.Replies.Select(r => r with { Buttons = [] }).ToList();
        replies.Add(new BotReply(SafetyReplies.ConcernNote(strings, flags), Buttons(memory.Offered)));
        return outcome with { Replies = replies };
    }

    /// <summary>A tapped button, the button's words typed, or its number from the last list.</summary>
    private static string? Chosen(string text, ConversationMemory memory)
    {
        if (memory.Offered.Count == 0)
        {
            return null;
        }
        if (int.TryParse(text.TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= memory.Offered.Count)
        {
            return memory.Offered[number - 1].Target;
        }
        return memory.Offered.FirstOrDefault(o => string.Equals(o.Title, text, StringComparison.OrdinalIgnoreCase))?.Target;
    }

    private static bool Is(string text, string[] words) => words.Contains(text.TrimEnd('.', '!', '?').ToLowerInvariant(), StringComparer.Ordinal);

    internal static ReplyButton[] Buttons(List<OfferedChoice> offered) => offered.Select(o => new ReplyButton(o.Title)).ToArray();

    private static string NumberedList(List<OfferedChoice> offered) =>
        string.Join('\n', offered.Select((o, i) => $"{i + 1}. {o.Title}"));
}
