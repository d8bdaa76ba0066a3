using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TipBot.Hosting;

/// <summary>Cross-cutting plumbing only: errors as ProblemDetails, health, the home page, the clock.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        return builder;
    }

    public static WebApplication MapHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/", () => Results.Content(HomePage.Html, "text/html; charset=utf-8"));
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
