using Microsoft.AspNetCore.DataProtection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using TipBot.Features.Conversations;

namespace TipBot.Features.Handoff;

/// <summary>
/// Sends messages to a person outside their own turn (an operator's reply, "someone is here now") through the
/// channel they wrote on, records them in the transcript and shows them in the console.
/// </summary>
public sealed partial class UserMessenger(
    IBotFrameworkHttpAdapter adapter,
    TranscriptRecorder transcripts,
    IConversationFeed feed,
    IConfiguration configuration,
    IDataProtectionProvider dataProtection,
    ILogger<UserMessenger> logger)
{
    private readonly IDataProtector _references = dataProtection.CreateProtector("TipBot.Handoff.Reference.v1");

    /// <summary>The reference carries the channel's user id (a phone number on WhatsApp), so it is stored encrypted.</summary>
    public string ProtectReference(ConversationReference reference) => _references.Protect(JsonConvert.SerializeObject(reference));

    public ConversationReference Reference(HandoffCase handoffCase) =>
        JsonConvert.DeserializeObject<ConversationReference>(_references.Unprotect(handoffCase.ProtectedReference))
        ?? throw new InvalidOperationException("The case's conversation reference is empty.");

    /// <summary>
    /// Sends the replies; true when the channel took them. The transcript records them either way, so the operator
    /// sees what was attempted and that it failed.
    /// </summary>
    public async Task<bool> SendAsync(HandoffCase handoffCase, IReadOnlyList<BotReply> replies, MessageAuthor author, string? operatorId, CancellationToken cancellationToken)
    {
        // Recorded before it is sent: a person can answer before the channel has acknowledged the send, and the
        // transcript (ordered by id) must show the answer after its question.
        var records = await transcripts.RecordOutboundAsync(handoffCase.ConversationId, handoffCase.Language, replies.Select(r => r.Text), author, operatorId, cancellationToken);
        await feed.MessagesAddedAsync(records.Select(r => new CaseMessage(r.Id, handoffCase.Id, author, operatorId, r.Text, r.At, false)).ToList(), cancellationToken);
        return await DeliverAsync(handoffCase, replies, cancellationToken);
    }

    private Task<bool> DeliverAsync(HandoffCase handoffCase, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        var activities = replies.Select(TipBotBot.Reply).ToArray();
        return ContinueAsync(handoffCase, (turn, token) => turn.SendActivitiesAsync(activities, token), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="send"/> in the case's conversation on its channel, outside any turn; true when the channel
    /// took it. Failures are logged and answered false, never thrown.
    /// </summary>
    public async Task<bool> ContinueAsync(HandoffCase handoffCase, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        if (adapter is not CloudAdapter cloud)
        {
            return false;
        }
        var reference = Reference(handoffCase);
        if (string.IsNullOrEmpty(reference.ServiceUrl))
        {
            // The terminal and eval commands have no channel to send to later.
            LogUndeliverable(logger, handoffCase.Id, handoffCase.ChannelId, "no service URL");
            return false;
        }
        // CloudAdapter hands an exception inside the callback to the turn error handler (which would apologise to the
        // person and reset their conversation) instead of throwing: it is caught here, where it means "not delivered".
        string? failure = null;
        try
        {
            await cloud.ContinueConversationAsync(configuration["MicrosoftAppId"] ?? "", reference, async (turn, token) =>
            {
                try
                {
                    await send(turn, token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failure = exception.GetType().Name;
                }
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = exception.GetType().Name;
        }
        if (failure is not null)
        {
            LogUndeliverable(logger, handoffCase.Id, handoffCase.ChannelId, failure);
            return false;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver to case {CaseId} on {ChannelId}: {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, Guid caseId, string channelId, string reason);
}
