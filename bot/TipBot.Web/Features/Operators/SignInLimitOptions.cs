using System.ComponentModel.DataAnnotations;

namespace TipBot.Features.Operators;

/// <summary>
/// How many sign-in attempts (password or code) one client address may make per minute. Lockout stops guessing at
/// one account; this stops one address trying a common password across many accounts.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "TipBot:Operators";

    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
