namespace TipBot.Features.Operators;

/// <summary>The console's roles and the authorization policies built on them.</summary>
public static class OperatorRoles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Operator, Supervisor, Admin];

    /// <summary>Policy: anyone who may take cases (every role).</summary>
    public const string CanTakeCases = "can-take-cases";

    /// <summary>Policy: the live console hub; like <see cref="CanTakeCases"/>, but not before the one-time password is changed.</summary>
    public const string CanWatchLive = "can-watch-live";

    /// <summary>Policy: supervisors and admins (all cases, audit trails, canned responses).</summary>
    public const string CanSupervise = "can-supervise";

    /// <summary>Claim added at sign-in while the account still has its one-time password.</summary>
    public const string MustChangePasswordClaim = "tipbot:must-change-password";
}
