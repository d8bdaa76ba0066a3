using System.Security.Claims;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>Who is using the console, from the sign-in cookie's claims (no database read).</summary>
public static class ConsoleUser
{
    public static string OperatorId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The console user is not signed in.");

    /// <summary>The name people in the chat and other operators see. Never the email (the Identity user name).</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(OperatorClaimsFactory.DisplayNameClaim) ?? "";

    /// <summary>The CanSupervise policy's roles: supervisors see every open case, audit trails, and close cases.</summary>
    public static bool IsSupervisor(this ClaimsPrincipal user) =>
        user.IsInRole(OperatorRoles.Supervisor) || user.IsInRole(OperatorRoles.Admin);

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == OperatorRoles.MustChangePasswordClaim);

    public static string? Role(this ClaimsPrincipal user) => OperatorRoles.All.LastOrDefault(user.IsInRole);
}
