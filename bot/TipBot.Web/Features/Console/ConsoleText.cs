using System.Globalization;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Console;

/// <summary>
/// The console's words in the operator's chosen language (the <see cref="LanguageCookie"/>, English by default):
/// <c>console.*</c> keys of <c>knowledge/locales/</c>, plus the labels of statuses, outcomes, roles and red flags.
/// </summary>
public sealed class ConsoleText
{
    public const string LanguageCookie = "tipbot-console-lang";

    public static readonly IReadOnlyList<string> Languages = ["en", "st"];

    private readonly LocaleStrings _strings;
    private readonly TimeZoneInfo _zone;

    public ConsoleText(KnowledgeStore knowledge, string? language, TimeZoneInfo zone)
    {
        _zone = zone;
        Language = language is not null && Languages.Contains(language) ? language : KnowledgeBase.DefaultLanguage;
        _strings = knowledge.IsReady
            ? knowledge.Current.Strings(Language)
            : new LocaleStrings(Language, new Dictionary<string, string>());
    }

    /// <summary>Times are shown in the service's own time zone (the office hours'), the one operators work in.</summary>
    public static ConsoleText For(HttpContext? http, KnowledgeStore knowledge, OfficeHours hours) =>
        new(knowledge, http?.Request.Cookies[LanguageCookie], hours.TimeZone);

    /// <summary>"en" or "st": the page's lang attribute.</summary>
    public string Language { get; }

    public string this[string key] => _strings["console." + key];

    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values) => _strings.Format("console." + key, values);

    public bool Has(string key) => _strings.All.ContainsKey("console." + key);

    public string Status(HandoffStatus status) => this["status." + Kebab(status.ToString())];

    public string Reason(HandoffReason reason) => this["reason." + Kebab(reason.ToString())];

    public string Priority(HumanPriority priority) => this["priority." + Kebab(priority.ToString())];

    public string Outcome(string? outcome) => outcome is null ? "" : Has("outcome." + outcome) ? this["outcome." + outcome] : outcome;

    public string Role(string role) => this["role." + role];

    public string AuditAction(string action) => Has("audit." + action) ? this["audit." + action] : action;

    /// <summary>A language's name ("English", "Sesotho"), or the code for one the console has no name for.</summary>
    public string LanguageName(string code) => Has("language." + code) ? this["language." + code] : code;

    /// <summary>The plain-words label of an ILO red flag id (the bot's own <c>redflag.*</c> strings).</summary>
    public string RedFlag(string id) => _strings.All.TryGetValue("redflag." + id, out var label) ? label : id;

    public string Author(MessageAuthor author, string? operatorName) => author switch
    {
        MessageAuthor.User => this["author.user"],
        MessageAuthor.Bot => this["author.bot"],
        _ => string.IsNullOrEmpty(operatorName) ? this["author.operator"] : operatorName,
    };

    /// <summary>"waiting 4 min": whole minutes, as the queue's script also counts them.</summary>
    public string Waiting(DateTime since, DateTime now)
    {
        var minutes = (int)Math.Floor((now - since).TotalMinutes);
        return minutes < 1 ? this["queue.waiting-new"] : Format("queue.waiting", ("minutes", minutes.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The service's time zone as an IANA id, for the script to show new lines' times as the page does.</summary>
    public string TimeZoneId => _zone.HasIanaId ? _zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(_zone.Id, out var iana) ? iana : "UTC";

    /// <summary>"14:05" today, "2026-11-27 14:05" on another day (no month names: the same in both languages), in the service's time zone.</summary>
    public string Time(DateTime utc, DateTime now)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), _zone).Date;
        return local.ToString(local.Date == today ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"WithOperator" → "with-operator": enum names and Identity error codes as locale keys.</summary>
    internal static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
