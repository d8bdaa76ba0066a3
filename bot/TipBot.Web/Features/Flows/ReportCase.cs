using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Flows;

/// <summary>
/// "Report it to our team": who it is about, where they are, whether anyone is in danger now (yes: urgent at once), then
/// what happened in the person's own words; the report becomes a request the team follows up in this chat (a callback
/// case), open hours or not. The answers are the conversation's own messages, so the operator reads them in the
/// transcript; nothing else is stored. The place in the questions is kept in the conversation memory.
/// </summary>
public static class ReportCase
{
    public const string StartTarget = "!report";
    public const string ContinueTarget = "!report-continue";

    /// <summary>An answer button's target: this prefix and the answer's id.</summary>
    public const string AnswerPrefix = "!report:";
    public const string DangerNow = "danger-yes";

    /// <summary>The questions with buttons, in order, and their answers' ids; the story follows them.</summary>
    private static readonly (string Id, string[] Answers)[] Questions =
    [
        ("about", ["me", "other"]),
        ("where", ["ls", "za", "elsewhere"]),
        ("danger", [DangerNow, "danger-no", "danger-unsure"]),
    ];

    public static bool IsAnswer(string? target) => target?.StartsWith(AnswerPrefix, StringComparison.Ordinal) == true;

    public static BotReply Start(ConversationMemory memory, LocaleStrings strings)
    {
        memory.Report = new ReportState();
        return Ask(memory, strings, strings["report.intro"] + "\n\n");
    }

    public static BotReply Continue(ConversationMemory memory, LocaleStrings strings) =>
        memory.Report is null ? Start(memory, strings) : Ask(memory, strings, "");

    /// <summary>True when the next message is the story: the questions are answered and nothing else was asked since.</summary>
    public static bool AwaitsStory(ConversationMemory memory) => memory.Report is { } report && report.Step == Questions.Length;

    /// <summary>Records a tapped answer and asks what comes next. "Someone is in danger now" is the caller's to act on.</summary>
    public static BotReply Answer(ConversationMemory memory, LocaleStrings strings)
    {
        var report = memory.Report ??= new ReportState();
        report.Step = Math.Min(report.Step + 1, Questions.Length);
        return Ask(memory, strings, "");
    }

    /// <summary>The story was told: the flow ends, and the caller hands the conversation to the team.</summary>
    public static BotReply Told(ConversationMemory memory, LocaleStrings strings)
    {
        memory.Report = null;
        memory.Offered.Clear();
        return new BotReply(strings["report.thanks"]);
    }

    private static BotReply Ask(ConversationMemory memory, LocaleStrings strings, string before)
    {
        var step = memory.Report!.Step;
        memory.Offered.Clear();
        if (step == Questions.Length)
        {
            return new BotReply(before + strings["report.q.story"]);
        }
        var (id, answers) = Questions[step];
        memory.Offered.AddRange(answers.Select(answer => new OfferedChoice(strings["report.a." + answer], AnswerPrefix + answer)));
        return new BotReply(before + strings["report.q." + id], TurnPipeline.Buttons(memory.Offered));
    }
}

/// <summary>Where a report stands: the next question (the story after the last).</summary>
public sealed class ReportState
{
    public int Step { get; set; }
}
