using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace TipBot.Features.Conversations;

/// <summary>The Bot Framework endpoint's adapter (Azure Bot Service, Emulator, Direct Line), with TipBot's error boundary.</summary>
public sealed class TipBotCloudAdapter : CloudAdapter
{
    public TipBotCloudAdapter(BotFrameworkAuthentication authentication, TurnErrorHandler errors, ILogger<TipBotCloudAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = errors.OnTurnErrorAsync;
    }
}
