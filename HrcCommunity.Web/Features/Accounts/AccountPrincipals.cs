using System.Security.Claims;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>Rebuilds a signed-in person's principal from the account as it is now, the way sign-in builds it.</summary>
public static class AccountPrincipals
{
    /// <summary>
    /// The current principal, or null when the account may no longer be signed in: deleted, locked out, or its
    /// security stamp changed (a new password, for instance).
    /// </summary>
    public static async Task<ClaimsPrincipal?> CurrentAsync(IServiceScopeFactory scopes, ClaimsPrincipal user)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var id = users.GetUserId(user);
        var account = id is null ? null : await users.FindByIdAsync(id);
        if (account is null || await users.IsLockedOutAsync(account)) return null;
        if (users.SupportsUserSecurityStamp)
        {
            var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            if (user.FindFirstValue(stampClaim) != await users.GetSecurityStampAsync(account)) return null;
        }
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
    }

    /// <summary>True when both principals get the same answers from every policy and Domain rule.</summary>
    public static bool SameAccess(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.HasClaim(HrcClaims.Approved, "true") == b.HasClaim(HrcClaims.Approved, "true")
        && RolesOf(a).SetEquals(RolesOf(b));

    private static HashSet<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
