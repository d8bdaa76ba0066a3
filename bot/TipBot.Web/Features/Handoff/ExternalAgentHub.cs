using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using TipBot.Features.Console;
using TipBot.Features.Conversations;

namespace TipBot.Features.Handoff;

/// <summary>
/// The Bot Framework handoff protocol at the edge, for deployments whose channel has its own agent hub
/// (<see cref="HandoffOptions.ExternalAgentHub"/>): a new case sends the hub <c>handoff.initiate</c> with the
/// transcript, and the hub's <c>handoff.status</c> events move the case (accepted, failed, completed). Status events
/// are always answered 200 and never throw, as the protocol asks.
/// </summary>
public sealed partial class ExternalAgentHub(
    IOptions<HandoffOptions> options,
    HandoffCaseStore cases,
    CaseReader reader,
    UserMessenger messenger,
    TranscriptRecorder transcripts,
    IServiceProvider services,
    ILogger<ExternalAgentHub> logger) : IHandoffListener
{
    /// <summary>Stands for the hub's agent on cases it accepted: TipBot does not know who they are.</summary>
    public const string OperatorId = "external-agent-hub";

    /// <summary>Our second transcript attachment: the protocol's own transcript loses who said what (channel-specs.md §4.2).</summary>
    public const string TranscriptContentType = "application/vnd.tipbot.transcript+json";

    public async Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        if (!options.Value.ExternalAgentHub || handoffEvent.Name != HandoffEvent.Requested)
        {
            return;
        }
        if (await cases.FindAsync(handoffEvent.CaseId, cancellationToken) is not { } handoffCase)
        {
            return;
        }
        var lines = await reader.TranscriptAsync(handoffCase.Id, cancellationToken);
        var context = new JObject
        {
            ["caseId"] = handoffCase.Id.ToString(),
            ["reason"] = handoffCase.Reason.ToString(),
            ["priority"] = handoffCase.Priority.ToString(),
            ["language"] = handoffCase.Language,
            ["channel"] = handoffCase.ChannelId,
        };
        var transcript = new Transcript(lines.Select(line => (Activity)MessageFactory.Text(line.Text)).ToList());
        var withRoles = new Attachment(TranscriptContentType, name: "TranscriptWithRoles",
            content: lines.Select(line => new { role = line.Author.ToString().ToLowerInvariant(), name = line.OperatorName, text = line.Text, at = line.At }).ToList());
        var sent = await messenger.ContinueAsync(handoffCase, async (turn, token) =>
        {
            var initiate = (Activity)EventFactory.CreateHandoffInitiation(turn, context, transcript);
            initiate.Attachments.Add(withRoles);
            await turn.SendActivityAsync(initiate, token);
        }, cancellationToken);
        if (sent)
        {
            LogInitiated(logger, handoffCase.Id);
        }
    }

    /// <summary>A <c>handoff.status</c> event from the hub. Unknown or malformed states are logged and ignored.</summary>
    public async Task OnStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyStatusAsync(turnContext, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStatusFailed(logger, exception);
        }
    }

    private async Task ApplyStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!options.Value.ExternalAgentHub)
        {
            LogIgnored(logger, "no external agent hub is configured");
            return;
        }
        var state = State(activity.Value);
        var channelId = activity.ChannelId ?? "unknown";
        var lookup = await transcripts.LookupAsync(channelId, transcripts.ConversationKey(channelId, activity.Conversation?.Id ?? ""), null, cancellationToken);
        if (lookup.OpenCaseId is not { } caseId)
        {
            LogIgnored(logger, "no open case for the conversation");
            return;
        }
        // Resolved here, not injected: the state machine's listeners include this class.
        var machine = services.GetRequiredService<HandoffStateMachine>();
        var moved = state switch
        {
            "accepted" => await machine.AcceptAsync(caseId, OperatorId, cancellationToken),
            "failed" => await machine.FailAsync(caseId, cancellationToken),
            "completed" => await machine.ReleaseAsync(caseId, OperatorId, HandoffOutcomes.Other, cancellationToken),
            _ => false,
        };
        LogStatus(logger, state ?? "(none)", caseId, moved);
    }

    private static string? State(object? value) => value switch
    {
        JObject json => json.Value<string>("state")?.ToLowerInvariant(),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } element when element.TryGetProperty("state", out var state) => state.GetString()?.ToLowerInvariant(),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "handoff.initiate sent for case {CaseId}")]
    private static partial void LogInitiated(ILogger logger, Guid caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "handoff.status {State} for case {CaseId}: applied {Moved}")]
    private static partial void LogStatus(ILogger logger, string state, Guid caseId, bool moved);

    [LoggerMessage(Level = LogLevel.Error, Message = "handoff.status could not be applied")]
    private static partial void LogStatusFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "handoff.status ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
