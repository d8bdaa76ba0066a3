using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TipBot.Features.Erasure;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Persistence;

namespace TipBot.Features.Conversations;

/// <summary>
/// The turn seam: the only place where a Bot Framework <see cref="Activity"/> becomes TipBot's
/// <see cref="InboundMessage"/> and replies become activities again. Loads and saves state, skips
/// duplicate deliveries, records the transcript.
/// </summary>
public sealed partial class TipBotBot(
    TurnPipeline pipeline,
    TranscriptRecorder transcripts,
    InFlightDeliveries inFlight,
    HandoffRouter handoff,
    UserMessenger messenger,
    ExternalAgentHub agentHub,
    TurnStateStore states,
    ConversationEraser eraser,
    IDbContextFactory<TipBotDbContext> contexts,
    KnowledgeStore knowledge,
    IOptions<KnowledgeOptions> knowledgeOptions,
    ILogger<TipBotBot> logger) : IBot
{
    public const string OutcomeKey = "TipBot.TurnOutcome";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == HandoffEventNames.HandoffStatus:
                await agentHub.OnStatusAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
                await WelcomeAsync(turnContext, cancellationToken);
                break;
            default:
                LogIgnored(logger, activity.Type ?? "(none)", activity.ChannelId ?? "(none)");
                break;
        }
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? "unknown";
        var key = transcripts.ConversationKey(channelId, activity.Conversation?.Id ?? "");
        if (!inFlight.TryBegin(channelId, key, activity.Id, out var delivery))
        {
            LogDuplicate(logger, channelId, key);
            return;
        }
        using (delivery)
        {
            await OnDeliveredMessageAsync(turnContext, channelId, key, cancellationToken);
        }
    }

    private async Task OnDeliveredMessageAsync(ITurnContext turnContext, string channelId, string key, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        // One connection for the turn's reads and writes (a turn used to open five).
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        var before = await transcripts.LookupAsync(db, channelId, key, activity.Id, cancellationToken);
        if (before.Duplicate)
        {
            LogDuplicate(logger, channelId, key);
            return;
        }

        var state = await states.LoadAsync(db, activity, cancellationToken);
        var (memory, profile) = (state.Memory, state.Profile);
        profile.Language ??= SupportedLanguage(activity.Locale);

        var text = activity.Text ?? "";
        if (text.Length == 0 && activity.Attachments?.Count > 0 && !before.WithPerson)
        {
            await turnContext.SendActivityAsync(Reply(new BotReply(knowledge.Current.Strings(profile.Language ?? KnowledgeBase.DefaultLanguage)["not-text"])), cancellationToken);
            return;
        }

        var message = new InboundMessage(channelId, text, activity.From?.Id);
        // While a person has the conversation the bot answers no topic, but the safety check still runs.
        var outcome = before.WithPerson ? pipeline.HandleWithPerson(message, memory, profile) : pipeline.Handle(message, memory, profile);
        turnContext.TurnState.Add(OutcomeKey, outcome);
        if (outcome.Erase)
        {
            // Deleted first, then said: the person is never told it is gone while it is still stored.
            await eraser.EraseAsync(db, before, activity, key, cancellationToken);
            await turnContext.SendActivitiesAsync(outcome.Replies.Select(Reply).ToArray(), cancellationToken);
            return;
        }
        if (outcome.Replies.Count > 0)
        {
            await turnContext.SendActivitiesAsync(outcome.Replies.Select(Reply).ToArray(), cancellationToken);
        }

        var recorded = await transcripts.RecordTurnAsync(db, before, channelId, key, activity.Id, text, outcome, cancellationToken);
        if (HandoffRouter.Concerns(before, outcome))
        {
            await HandOffAsync(turnContext, before, recorded, channelId, text, outcome, memory, cancellationToken);
        }

        await states.SaveAsync(db, state, cancellationToken);
        LogTurn(logger, channelId, key, outcome.TopicId, outcome.Best?.Score ?? 0, outcome.Urgent);
    }

    /// <summary>The handoff's part of the turn: a case opened, left or joined, and what the bot says about it.</summary>
    private async Task HandOffAsync(ITurnContext turnContext, ConversationLookup before, RecordedTurn recorded, string channelId, string text,
        TurnOutcome outcome, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var country = TurnPipeline.LikelyCountry(knowledge.Current, activity.From?.Id, memory);
        var replies = await handoff.AfterTurnAsync(
            new HandoffTurn(before, recorded, channelId, text, country, outcome, () => messenger.ProtectReference(activity.GetConversationReference())),
            memory, cancellationToken);
        if (replies.Count > 0)
        {
            await turnContext.SendActivitiesAsync(replies.Select(Reply).ToArray(), cancellationToken);
            await transcripts.RecordOutboundAsync(recorded.ConversationId, outcome.Language, replies.Select(r => r.Text), MessageAuthor.Bot, null, cancellationToken);
        }
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        var state = await states.LoadAsync(db, turnContext.Activity, cancellationToken);
        var memory = state.Memory;
        if (memory.Welcomed)
        {
            return;
        }
        memory.Welcomed = true;
        var language = SupportedLanguage(turnContext.Activity.Locale) ?? KnowledgeBase.DefaultLanguage;
        var strings = knowledge.Current.Strings(language);
        ReplyButton[] buttons = [new(strings["button.menu"]), .. ConversationLanguage.OtherChoices(knowledge.Current, language).Select(c => new ReplyButton(c.Title))];
        await turnContext.SendActivityAsync(Reply(new BotReply(strings.Format("welcome", ("org", knowledgeOptions.Value.OrganisationIn(strings))), buttons)),
            cancellationToken);
        await states.SaveAsync(db, state, cancellationToken);
    }

    private string? SupportedLanguage(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return null;
        }
        var language = locale.Split('-', '_')[0].ToLowerInvariant();
        return knowledge.Current.Locales.ContainsKey(language) ? language : null;
    }

    internal static Activity Reply(BotReply reply)
    {
        var activity = MessageFactory.Text(reply.Text);
        activity.TextFormat = TextFormatTypes.Markdown;
        if (reply.Buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = reply.Buttons.Select(b => new CardAction(ActionTypes.ImBack, b.Title, value: b.Title)).ToList(),
            };
        }
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn on {ChannelId} conversation {ConversationKey}: topic {TopicId} score {Score:F2} urgent {Urgent}")]
    private static partial void LogTurn(ILogger logger, string channelId, string conversationKey, string topicId, float score, bool urgent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery ignored on {ChannelId} conversation {ConversationKey}")]
    private static partial void LogDuplicate(ILogger logger, string channelId, string conversationKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored activity of type {ActivityType} on {ChannelId}")]
    private static partial void LogIgnored(ILogger logger, string activityType, string channelId);
}
