namespace TipBot.Features.Understanding;

public static class UnderstandingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddUnderstanding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TopicRanker>();
        builder.Services.AddSingleton<EntityExtractor>();
        builder.Services.AddSingleton<LanguageIdentifier>();
        return builder;
    }
}
