using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Handoff;

public static class OfficeHoursServiceCollectionExtensions
{
    /// <summary>Office hours from "TipBot:Handoff:OfficeHours", checked at start. Needs a <see cref="TimeProvider"/> (AddHosting registers it).</summary>
    public static IServiceCollection AddOfficeHours(this IServiceCollection services)
    {
        services.AddOptions<OfficeHoursOptions>().BindConfiguration(OfficeHoursOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OfficeHoursOptions>, OfficeHoursOptionsValidator>());
        services.TryAddSingleton<OfficeHours>();
        return services;
    }
}
