using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace TipBot.Features.Operators;

/// <summary>
/// <c>operators add --email E --name DISPLAY --role R</c>: the only way to make an account. There is no default
/// account and no default password; the one-time password printed here must be changed at first sign-in.
/// </summary>
public static class OperatorsCommand
{
    private const string Usage = "usage: operators add --email EMAIL --name \"DISPLAY NAME\" --role operator|supervisor|admin";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (arguments is not ["add", ..])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var email = Option(arguments, "--email");
        var name = Option(arguments, "--name");
        var role = Option(arguments, "--role")?.ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name) || role is null || !OperatorRoles.All.Contains(role))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var known in OperatorRoles.All)
        {
            if (!await roles.RoleExistsAsync(known))
            {
                await roles.CreateAsync(new IdentityRole(known));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorAccount>>();
        var account = new OperatorAccount
        {
            UserName = email,
            Email = email,
            DisplayName = name.Trim(),
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var password = OneTimePassword();
        var created = await users.CreateAsync(account, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(account, role);
        }
        if (!created.Succeeded)
        {
            foreach (var problem in created.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Description}");
            }
            return 1;
        }
        await output.WriteLineAsync($"Created {role} \"{account.DisplayName}\" <{email}>.");
        await output.WriteLineAsync($"One-time password (shown once; it must be changed at first sign-in): {password}");
        return 0;
    }

    private static string? Option(IReadOnlyList<string> options, string name)
    {
        for (var i = 0; i < options.Count - 1; i++)
        {
            if (options[i] == name)
            {
                return options[i + 1];
            }
        }
        return null;
    }

    /// <summary>20 random characters with every class the password policy asks for.</summary>
    internal static string OneTimePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!#%+-=?@_";
        const string all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
