namespace TipBot.Features.Console;

/// <summary>
/// What console.js needs from the page, rendered as a JSON script tag (a script of type application/json never runs,
/// so the Content-Security-Policy can forbid inline scripts): where to call, which case, and its words.
/// </summary>
public sealed record ConsoleScriptData(string Page, Guid? CaseId, string Hub, string Api, string SignIn, string TimeZone, IReadOnlyDictionary<string, string> Strings)
{
    private static readonly string[] Keys =
    [
        "queue.waiting", "queue.waiting-new", "queue.count", "alert.urgent", "alert.dismiss", "action.open", "error.failed",
        "live.connecting", "live.live", "live.reconnecting", "live.offline", "author.user", "author.bot", "author.operator",
        "done.accept", "done.transfer", "done.release", "done.close", "done.note", "done.reply", "case.deleted",
    ];

    public static ConsoleScriptData For(ConsoleText text, string page, Guid? caseId = null) =>
        new(page, caseId, ConsoleHub.Path, ConsolePaths.Api, ConsolePaths.SignIn, text.TimeZoneId, Keys.ToDictionary(k => k, k => text[k], StringComparer.Ordinal));
}
