namespace TipBot.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<KnowledgeStore>();
        builder.Services.AddSingleton<AnswerRenderer>();
        builder.Services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        return builder;
    }
}
