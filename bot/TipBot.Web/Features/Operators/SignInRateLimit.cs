using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Operators;

/// <summary>
/// A fixed window of sign-in attempts per client address (ASP.NET Core's rate limiter). Only form posts count:
/// showing the page costs nothing to guess with. Behind a reverse proxy, configure forwarded headers so the
/// address is the client's, not the proxy's (deployment/README.md).
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "operator-sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("not-a-sign-in-attempt"));
        });
        return services;
    }

    /// <summary>Marks a Razor page's endpoints as sign-in attempts.</summary>
    public static void LimitSignIn(this Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel page) =>
        page.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy));
}
