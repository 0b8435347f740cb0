using System.Security.Claims;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>Adds the approval state and display name, which every authorization decision reads.</summary>
public sealed class HrcClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HrcClaims.DisplayName, user.DisplayName));
        if (user.ApprovalStatus == ApprovalStatus.Approved) identity.AddClaim(new Claim(HrcClaims.Approved, "true"));
        return identity;
    }
}
