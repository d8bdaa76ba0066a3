using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

public static class ConsoleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.AddSingleton<CaseReader>();
        services.AddSingleton<CaseRecordsStore>();
        services.AddSingleton<CannedResponseStore>();
        services.AddSingleton<CaseSummaryPushes>();
        services.AddHostedService(provider => provider.GetRequiredService<CaseSummaryPushes>());
        services.AddSingleton<ConsoleFeed>();
        services.AddSingleton<IConversationFeed>(provider => provider.GetRequiredService<ConsoleFeed>());
        services.AddSingleton<IHandoffListener>(provider => provider.GetRequiredService<ConsoleFeed>());

        // Razor Pages: server-rendered, antiforgery and Identity built in, no JavaScript build (README, "Operator console").
        services.AddHttpContextAccessor();
        services.AddScoped(provider => ConsoleText.For(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext, provider.GetRequiredService<KnowledgeStore>(), provider.GetRequiredService<OfficeHours>()));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features/Console/Pages";
            options.Conventions.AuthorizeFolder("/", OperatorRoles.CanTakeCases);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/SignInCode");
            options.Conventions.AddPageApplicationModelConvention("/SignIn", page => page.LimitSignIn());
            options.Conventions.AddPageApplicationModelConvention("/SignInCode", page => page.LimitSignIn());
            options.Conventions.AllowAnonymousToPage("/Denied");
            options.Conventions.AuthorizePage("/Canned", OperatorRoles.CanSupervise);
            options.Conventions.ConfigureFilter(new OneTimePasswordFilter());
        });
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        // wwwroot (the console's CSS and script, the vendored SignalR client) is copied beside the app, its content root.
        app.UseStaticFiles();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ConsolePaths.Queue), ConsoleSecurity.AddHeaders);
        // Checks form posts to minimal endpoints (the language switch); Razor Pages and the JSON API check their own.
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapHub<ConsoleHub>(ConsoleHub.Path);
        app.MapRazorPages();
        app.MapConsoleEndpoints();
        return app;
    }
}
