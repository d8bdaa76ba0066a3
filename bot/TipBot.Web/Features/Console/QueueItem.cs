using System.Text.Json.Serialization;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;

namespace TipBot.Features.Console;

/// <summary>
/// A queue row with its labels already in the operator's language: the page renders it, and GET /console/api/queue
/// returns it for the script to render into the same markup, so labels are worked out in one place.
/// </summary>
public sealed record QueueItem(
    Guid Id,
    string Conversation,
    string Channel,
    string Language,
    string LanguageLabel,
    [property: JsonConverter(typeof(JsonStringEnumConverter<HandoffStatus>))] HandoffStatus Status,
    string StatusLabel,
    bool Urgent,
    string PriorityLabel,
    string ReasonLabel,
    IReadOnlyList<string> RedFlags,
    IReadOnlyList<string> Signals,
    DateTime RequestedAt,
    string Waiting,
    string? Preview,
    string? OperatorName,
    bool Callback,
    bool HasCallbackNumber,
    string CallbackLabel,
    bool CanAccept,
    bool Mine)
{
    /// <summary>The empty row the page renders into a template for the script to copy.</summary>
    public static QueueItem Blank { get; } = new(Guid.Empty, "", "", "", "", HandoffStatus.Queued, "", false, "", "", [], [], DateTime.UnixEpoch, "", null, null,
        false, false, "", false, false);

    public static QueueItem From(CaseSummary summary, ConsoleText text, string operatorId, DateTime now) => new(
        summary.Id,
        summary.Conversation,
        summary.Channel,
        summary.Language,
        text.LanguageName(summary.Language),
        summary.Status,
        text.Status(summary.Status),
        summary.Priority == HumanPriority.Urgent,
        text.Priority(summary.Priority),
        text.Reason(summary.Reason),
        summary.RedFlags.Select(text.RedFlag).ToList(),
        summary.Signals,
        DateTime.SpecifyKind(summary.RequestedAt, DateTimeKind.Utc),
        summary.Status is HandoffStatus.Queued or HandoffStatus.Expired ? text.Waiting(summary.RequestedAt, now) : "",
        // Already without a callback number (CaseReader hides it where summaries are made).
        summary.Preview,
        summary.OperatorName,
        summary.Callback,
        summary.HasCallbackNumber,
        summary.HasCallbackNumber ? text["queue.callback-number"] : text["queue.callback-chat"],
        CanAccept: HandoffStateMachine.Next(summary.Status, HandoffAction.Accept) is not null,
        Mine: summary.Status == HandoffStatus.WithOperator && summary.OperatorId == operatorId);
}
