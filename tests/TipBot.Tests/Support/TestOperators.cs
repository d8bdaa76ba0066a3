using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Operators;
using TipBot.Persistence;

namespace TipBot.Tests.Support;

/// <summary>An operator account made for a test: its id, sign-in and the name people in the chat see.</summary>
internal sealed record TestOperator(string Id, string Email, string Password, string DisplayName);

/// <summary>Accounts as `operators add` makes them, through Identity, with a known password.</summary>
internal static class TestOperators
{
    public const string Password = "Correct-horse-42!";

    public static async Task<TestOperator> CreateAsync(IServiceProvider services, string role, string? displayName = null, bool mustChangePassword = false)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorAccount>>();
        var id = Guid.NewGuid().ToString("N")[..8];
        var account = new OperatorAccount
        {
            UserName = $"op-{id}@hotline.example",
            Email = $"op-{id}@hotline.example",
            DisplayName = displayName ?? $"Palesa {id}",
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        return new TestOperator(account.Id, account.Email, Password, account.DisplayName);
    }

    public static async Task<string?> IdByDisplayNameAsync(IServiceProvider services, string shownName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var accounts = await db.Users.Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return accounts.SingleOrDefault(a => shownName.StartsWith(a.DisplayName, StringComparison.Ordinal))?.Id;
    }
}
