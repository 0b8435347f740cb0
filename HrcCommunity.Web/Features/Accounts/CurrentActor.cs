using System.Security.Claims;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace HrcCommunity.Web.Features.Accounts;

public static class ActorClaims
{
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(HrcClaims.DisplayName) ?? principal.Identity.Name ?? "",
            roles,
            principal.HasClaim(HrcClaims.Approved, "true"));
    }
}

/// <summary>The signed-in person as Domain sees them, for components of the current circuit.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor();
    }
}
