namespace TipBot.Features.Erasure;

public static class ErasureServiceCollectionExtensions
{
    /// <summary>"Delete my messages" on request, and deletion of everything past the retention limit.</summary>
    public static WebApplicationBuilder AddErasure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationEraser>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionService>());
        return builder;
    }
}
