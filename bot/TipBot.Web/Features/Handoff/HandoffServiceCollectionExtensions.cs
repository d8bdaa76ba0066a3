using Microsoft.Extensions.Options;

namespace TipBot.Features.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The queue, the state machine and everything that reacts to it; the console adds its own handlers.</summary>
    public static WebApplicationBuilder AddHandoff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();
        services.AddOfficeHours();
        services.AddSingleton<OperatorPresence>();
        services.AddSingleton<HandoffAvailability>();
        services.AddSingleton<WaitingList>();
        services.AddSingleton<HandoffCaseStore>();
        services.AddSingleton<HandoffStateMachine>();
        services.AddSingleton<HandoffRouter>();
        services.AddSingleton<UserMessenger>();
        services.AddSingleton<QueuePlaceNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<QueuePlaceNotices>());
        // Handlers run in registration order: the person hears first, then the console updates.
        services.AddSingleton<IHandoffListener, HandoffUserNotices>();
        services.AddSingleton<ExternalAgentHub>();
        services.AddSingleton<IHandoffListener>(provider => provider.GetRequiredService<ExternalAgentHub>());
        services.AddSingleton<HandoffWebhook>();
        services.AddSingleton<IHandoffListener>(provider => provider.GetRequiredService<HandoffWebhook>());
        services.AddHostedService(provider => provider.GetRequiredService<HandoffWebhook>());
        services.AddHttpClient(HandoffWebhook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).AddStandardResilienceHandler();
        services.AddSingleton<HandoffExpiryService>();
        services.AddHostedService(provider => provider.GetRequiredService<HandoffExpiryService>());
        return builder;
    }
}
