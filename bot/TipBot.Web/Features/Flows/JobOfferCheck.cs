using System.Globalization;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Flows;

/// <summary>
/// "Check an offer with me": one question at a time about a job offer, each a warning sign of the fake-job-offers
/// answer (the words are in the locales, <c>offer.*</c>), then the signs found in plain words and what to do next. The
/// place in the questions is kept in the conversation memory, so a question asked in between is answered and the check
/// goes on where it stopped.
/// </summary>
public static class JobOfferCheck
{
    public const string StartTarget = "!offer-check";
    public const string ContinueTarget = "!offer-continue";
    public const string YesTarget = "!offer-yes";
    public const string NoTarget = "!offer-no";
    public const string UnsureTarget = "!offer-unsure";
    public const string TopicId = "fake-job-offers";

    /// <summary>The questions in order, and which answer is the warning sign.</summary>
    private static readonly (string Id, bool SignWhenYes)[] Questions =
    [
        ("fee", true),
        ("passport", true),
        ("too-good", true),
        ("hurry", true),
        ("contract", false),
        ("company", false),
    ];

    /// <summary>What the result offers next: the topics that say how to go safely, or how to check and get help.</summary>
    private static readonly string[] NextWithoutSigns = ["safe-migration-checklist", "verify-recruiter"];
    private static readonly string[] NextWithSigns = ["verify-recruiter", TurnPipeline.ReportTopic, TurnPipeline.HumanTopic];

    public static bool IsAnswer(string? target) => target is YesTarget or NoTarget or UnsureTarget;

    /// <summary>The answer a typed word gives ("yes", "ee", "che", "not sure"), or null.</summary>
    public static string? Typed(KnowledgeBase kb, string text) =>
        LocalePhrases.Matches(kb, "offer.yes-words", text) ? YesTarget
        : LocalePhrases.Matches(kb, "offer.no-words", text) ? NoTarget
        : LocalePhrases.Matches(kb, "offer.unsure-words", text) ? UnsureTarget
        : null;

    public static BotReply Start(ConversationMemory memory, LocaleStrings strings)
    {
        memory.OfferCheck = new JobOfferCheckState();
        return Ask(memory, strings, strings["offer.intro"] + "\n\n");
    }

    /// <summary>The current question again, after something else was asked in between.</summary>
    public static BotReply Continue(ConversationMemory memory, LocaleStrings strings) =>
        memory.OfferCheck is null ? Start(memory, strings) : Ask(memory, strings, "");

    /// <summary>Records the answer to the current question; the next question, or the result after the last.</summary>
    public static BotReply Answer(ConversationMemory memory, KnowledgeBase kb, string language, string target)
    {
        var strings = kb.Strings(language);
        var check = memory.OfferCheck ??= new JobOfferCheckState();
        var (id, signWhenYes) = Questions[check.Step];
        if (target == UnsureTarget)
        {
            check.Unsure.Add(id);
        }
        else if ((target == YesTarget) == signWhenYes)
        {
            check.Signs.Add(id);
        }
        check.Step++;
        return check.Step < Questions.Length ? Ask(memory, strings, "") : Result(memory, kb, language, strings, check);
    }

    private static BotReply Ask(ConversationMemory memory, LocaleStrings strings, string before)
    {
        var step = memory.OfferCheck!.Step;
        memory.Offered.Clear();
        memory.Offered.AddRange([
            new OfferedChoice(strings["button.yes"], YesTarget), new OfferedChoice(strings["button.no"], NoTarget),
            new OfferedChoice(strings["button.not-sure"], UnsureTarget),
        ]);
        var progress = strings.Format("offer.progress", ("n", (step + 1).ToString(CultureInfo.InvariantCulture)),
            ("total", Questions.Length.ToString(CultureInfo.InvariantCulture)));
        return new BotReply(before + progress + " " + strings["offer.q." + Questions[step].Id], TurnPipeline.Buttons(memory.Offered));
    }

    private static BotReply Result(ConversationMemory memory, KnowledgeBase kb, string language, LocaleStrings strings, JobOfferCheckState check)
    {
        memory.OfferCheck = null;
        var text = check.Signs.Count == 0
            ? strings["offer.result.none"]
            : strings["offer.result.signs"] + "\n" + string.Join('\n', check.Signs.Select(id => "- " + strings["offer.sign." + id])) + "\n\n" + strings["offer.result.advice"];
        if (check.Unsure.Count > 0)
        {
            text += "\n\n" + strings["offer.result.unsure"] + "\n" + string.Join('\n', check.Unsure.Select(id => "- " + strings["offer.unsure." + id]));
        }
        memory.Offered.Clear();
        foreach (var next in check.Signs.Count == 0 ? NextWithoutSigns : NextWithSigns)
        {
            if (kb.Find(next, language) is { } entry)
            {
                memory.Offered.Add(new OfferedChoice(entry.Button, entry.Id));
            }
        }
        memory.Offered.Add(new OfferedChoice(strings["button.menu"], TurnPipeline.MenuTarget));
        return new BotReply(text, TurnPipeline.Buttons(memory.Offered));
    }
}

/// <summary>Where a job-offer check stands: the question to ask next, and the question ids answered with a warning sign or "not sure".</summary>
public sealed class JobOfferCheckState
{
    public int Step { get; set; }
    public List<string> Signs { get; set; } = [];
    public List<string> Unsure { get; set; } = [];
}
