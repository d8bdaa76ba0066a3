using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace TipBot.Features.Conversations;

/// <summary>
/// Runs a turn through the same bot, state and transcript as the HTTP endpoint, without HTTP: for the
/// terminal chat and the eval command.
/// </summary>
public sealed class InProcessAdapter : BotAdapter
{
    private const string RepliesKey = "TipBot.InProcess.Replies";
    private readonly IBot _bot;

    public InProcessAdapter(IBot bot, TurnErrorHandler errors)
    {
        _bot = bot;
        OnTurnError = errors.OnTurnErrorAsync;
    }

    public async Task<(IReadOnlyList<Activity> Replies, TurnOutcome? Outcome)> ProcessAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var replies = new List<Activity>();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(RepliesKey, replies);
        await RunPipelineAsync(context, _bot.OnTurnAsync, cancellationToken);
        return (replies, context.TurnState.Get<TurnOutcome>(TipBotBot.OutcomeKey));
    }

    public static Activity Message(string conversationId, string text, string? locale = null, string channelId = "terminal") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(id: "user-" + conversationId, role: RoleTypes.User),
        Recipient = new ChannelAccount(id: "tipbot", role: RoleTypes.Bot),
        Text = text,
        Locale = locale,
        Timestamp = DateTimeOffset.UtcNow,
    };

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Get<List<Activity>>(RepliesKey).AddRange(activities);
        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The in-process adapter does not update activities.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The in-process adapter does not delete activities.");
}
