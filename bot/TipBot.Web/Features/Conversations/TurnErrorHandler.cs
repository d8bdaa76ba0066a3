using Microsoft.Bot.Builder;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Conversations;

/// <summary>
/// The per-turn error boundary: log with ids only, tell the person kindly what to do (always with the
/// verified emergency numbers, since we cannot know what the failed turn was about), and clear the
/// conversation state so nobody is stuck in a broken state (unless the turn was only cancelled).
/// </summary>
public sealed partial class TurnErrorHandler(KnowledgeStore knowledge, TurnStateStore states, ILogger<TurnErrorHandler> logger)
{
    private static readonly string[] ErrorContactKeys = ["za.police-emergency", "za.mobile-emergency"];

    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        LogTurnFailed(logger, exception, activity.ChannelId ?? "(none)", activity.Id ?? "(none)", exception.GetType().Name);
        try
        {
            var strings = knowledge.IsReady ? knowledge.Current.Strings(KnowledgeBase.DefaultLanguage) : null;
            if (strings is not null)
            {
                var contacts = AnswerRenderer.ContactList(ErrorContactKeys.Select(k => knowledge.Current.Contacts.GetValueOrDefault(k)).OfType<Contact>(), KnowledgeBase.DefaultLanguage);
                await turnContext.SendActivityAsync(TipBotBot.Reply(new BotReply(
                    strings["error.turn"] + "\n\n" + strings["error.urgent-contacts"] + "\n" + contacts,
                    [new ReplyButton(strings["button.menu"])])));
            }
            // A turn cut short (a reply that timed out, the host stopping) is not a broken conversation: keep its state.
            if (exception is not OperationCanceledException)
            {
                await states.DeleteConversationAsync(turnContext.Activity, CancellationToken.None);
            }
        }
        catch (Exception recoveryFailure)
        {
            LogRecoveryFailed(logger, recoveryFailure, activity.ChannelId ?? "(none)", activity.Id ?? "(none)");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed on {ChannelId} activity {ActivityId}: {ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string channelId, string activityId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Could not tell the user about a failed turn on {ChannelId} activity {ActivityId}")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, string channelId, string activityId);
}
