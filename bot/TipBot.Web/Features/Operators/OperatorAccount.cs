using Microsoft.AspNetCore.Identity;

namespace TipBot.Features.Operators;

/// <summary>
/// A hotline operator's sign-in (ASP.NET Core Identity). People in the chat only ever see <see cref="DisplayName"/>,
/// never the email.
/// </summary>
public sealed class OperatorAccount : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>True for an account made with a one-time password: the console asks for a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}
