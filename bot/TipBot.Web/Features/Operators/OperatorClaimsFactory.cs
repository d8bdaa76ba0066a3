using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Operators;

/// <summary>Adds the display name and the "must change password" mark to the sign-in cookie, so pages need no database read for them.</summary>
public sealed class OperatorClaimsFactory(UserManager<OperatorAccount> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OperatorAccount, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "tipbot:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OperatorAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(OperatorRoles.MustChangePasswordClaim, "true"));
        }
        return identity;
    }
}
