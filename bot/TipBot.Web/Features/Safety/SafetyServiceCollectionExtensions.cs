namespace TipBot.Features.Safety;

public static class SafetyServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSafety(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISafetyCheck, SafetyTriage>();
        return builder;
    }
}
