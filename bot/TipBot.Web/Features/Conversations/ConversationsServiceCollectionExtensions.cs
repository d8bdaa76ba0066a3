using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace TipBot.Features.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Bot Framework activities are small; anything near this is an attack or a mistake.</summary>
    public const long MaxActivityBytes = 256 * 1024;

    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TurnStateStore>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ConversationLanguage>();
        services.AddSingleton<TranscriptRecorder>();
        services.AddSingleton<InFlightDeliveries>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<IBot, TipBotBot>();
        services.AddSingleton<InProcessAdapter>();

        // Reads MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppType / MicrosoftAppTenantId; with no
        // MicrosoftAppId the endpoint is anonymous (Emulator, local tools), otherwise JWT-validated.
        // Wrapped so that turns reuse connector clients (and their serializer settings and HttpClient) instead of
        // building new ones per activity, which re-generated Newtonsoft.Json serialization code on every turn; see
        // CachingBotFrameworkAuthentication.
        services.AddSingleton<BotFrameworkAuthentication>(provider => new CachingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(
            provider.GetRequiredService<IConfiguration>(),
            httpClientFactory: CachingBotFrameworkAuthentication.CreateHttpClientFactory(),
            logger: provider.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<IBotFrameworkHttpAdapter, TipBotCloudAdapter>();
        return builder;
    }

    public static WebApplication MapConversations(this WebApplication app)
    {
        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
        {
            if (http.Request.ContentLength > MaxActivityBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxActivityBytes;
            }
            // Not http.RequestAborted: a channel that stops waiting (a timeout, a dropped connection) must not cut a turn
            // short between its reply, its transcript and its state. The message was delivered; the turn takes
            // milliseconds; its replies go to the channel on their own connection.
            await adapter.ProcessAsync(http.Request, http.Response, bot, CancellationToken.None);
        }).WithName("BotFrameworkMessages").DisableAntiforgery();
        return app;
    }
}
