using System.Globalization;
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
    AnswerRenderer renderer)
{
    public const string MenuTarget = "!menu";
    public const string MoreTarget = "!more";
    public const string EmergencyTopic = "emergency";
    public const string HumanTopic = "talk-to-human";

    private static readonly string[] MenuWords = ["menu", "help", "0", "start", "main menu"];
    private static readonly string[] MoreWords = ["more", "tell me more", "details"];
    private static readonly string[] UrgentContactKeys = ["za.police-emergency", "za.mobile-emergency", "za.trafficking-hotline", "za.gbv-command-centre"];
    private const string ChildContactKey = "za.childline";

    /// <summary>
    /// Ranking and entity recognition read at most this much of a message: a long story's first screens say
    /// what it is about, and an oversized message must not cost seconds of CPU. Safety reads all of it.
    /// </summary>
    public const int MaxUnderstoodChars = 2000;

    public TurnOutcome Handle(InboundMessage message, ConversationMemory memory, UserProfile profile)
    {
        var kb = knowledge.Current;
        var language = profile.Language ?? KnowledgeBase.DefaultLanguage;
        var strings = kb.Strings(language);
        var text = message.Text.Trim();
        var assessment = safety.Assess(text);
        var understood = text.Length > MaxUnderstoodChars ? text[..MaxUnderstoodChars] : text;
        var found = entities.Extract(understood);

        TurnOutcome Outcome(IReadOnlyList<BotReply> replies, string topic, TopicRanking ranking, HumanPriority? human = null) =>
            new(replies, language, topic, ranking, assessment, found, human);

        if (assessment.IsUrgent)
        {
            // Help comes first and alone; the topic is still ranked so the operator sees what it is about.
            memory.Offered.Clear();
            var urgentRanking = ranker.Rank(understood);
            var topic = urgentRanking.Verdict == RankingVerdict.NoMatch ? EmergencyTopic : urgentRanking.TopicId;
            return Outcome(UrgentReplies(kb, strings, found), topic, urgentRanking, HumanPriority.Urgent);
        }
        if (text.Length == 0)
        {
            return Outcome([new BotReply(strings["empty"], [new ReplyButton(strings["button.menu"])])], TopicRanking.NoTopic, TopicRanking.Nothing);
        }

        var target = Chosen(text, memory) ?? (Is(text, MenuWords) ? MenuTarget : Is(text, MoreWords) ? MoreTarget : null);
        switch (target)
        {
            case MenuTarget:
                return Outcome([Menu(kb, strings, language, memory)], TopicRanking.NoTopic, TopicRanking.Nothing);
            case MoreTarget:
                return Outcome([More(kb, strings, language, memory)], memory.LastTopic ?? TopicRanking.NoTopic, TopicRanking.Nothing);
            case not null:
                return Answer(kb, strings, language, memory, target, new TopicRanking(RankingVerdict.Confident, [new TopicScore(target, 1f, 1f)]), Outcome);
        }

        var ranking = ranker.Rank(understood);
        switch (ranking.Verdict)
        {
            case RankingVerdict.Confident:
                return Answer(kb, strings, language, memory, ranking.TopicId, ranking, Outcome);
            case RankingVerdict.CloseCall:
                return Outcome([DidYouMean(kb, strings, language, memory, ranking)], ranking.TopicId, ranking);
            default:
                var menu = Menu(kb, strings, language, memory);
                return Outcome([new BotReply(strings["no-match"] + "\n\n" + NumberedList(memory.Offered), menu.Buttons)], TopicRanking.NoTopic, ranking);
        }
    }

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
        if (entry.More is not null)
        {
            memory.Offered.Insert(0, new OfferedChoice(strings["button.more"], MoreTarget));
        }
        memory.Offered.Add(new OfferedChoice(strings["button.menu"], MenuTarget));
        replies.Add(new BotReply(renderer.Render(entry.Answer, kb), Buttons(memory.Offered)));

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
            ? new BotReply(renderer.Render(more, kb), Buttons(memory.Offered))
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

    private static List<BotReply> UrgentReplies(KnowledgeBase kb, LocaleStrings strings, TurnEntities found)
    {
        var keys = found.Ages.Any(age => age < 18) ? UrgentContactKeys.Prepend(ChildContactKey) : UrgentContactKeys;
        var contacts = keys.Select(k => kb.Contacts.GetValueOrDefault(k)).OfType<Contact>();
        return
        [
            new BotReply(strings["urgent.intro"] + "\n\n" + AnswerRenderer.ContactList(contacts) + "\n\n" + strings["urgent.lesotho"]),
            new BotReply(strings["urgent.handoff"] + "\n\n" + strings["urgent.safety-tip"]),
        ];
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

    private static ReplyButton[] Buttons(List<OfferedChoice> offered) => offered.Select(o => new ReplyButton(o.Title)).ToArray();

    private static string NumberedList(List<OfferedChoice> offered) =>
        string.Join('\n', offered.Select((o, i) => $"{i + 1}. {o.Title}"));
}
