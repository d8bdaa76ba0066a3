using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TipBot.Persistence;

namespace TipBot.Features.Operators;

public static class OperatorsServiceCollectionExtensions
{
    public const string ConsolePath = "/console";

    /// <summary>ASP.NET Core Identity for operators: strong passwords, lockout, roles, optional authenticator-app codes.</summary>
    public static WebApplicationBuilder AddOperators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<OperatorAccount, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<TipBotDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OperatorClaimsFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "TipBot.Console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = ConsolePath + "/signin";
            cookie.LogoutPath = ConsolePath + "/signout";
            cookie.AccessDeniedPath = ConsolePath + "/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            // The hub and the console's JSON endpoints answer 401/403 instead of redirecting to the sign-in page.
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorRoles.CanTakeCases, policy => policy.RequireRole(OperatorRoles.All))
            .AddPolicy(OperatorRoles.CanWatchLive, policy => policy.RequireRole(OperatorRoles.All)
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == OperatorRoles.MustChangePasswordClaim)))
            .AddPolicy(OperatorRoles.CanSupervise, policy => policy.RequireRole(OperatorRoles.Supervisor, OperatorRoles.Admin));
        services.AddSingleton<OperatorDirectory>();
        services.AddSignInRateLimit();
        return builder;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ConsolePath + "/api") || path.StartsWithSegments(ConsolePath + "/hub"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
