using System.Security.Claims;
using System.Text.Encodings.Web;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>
/// Signs a request in as the token's owner with the roles and approval they have now, read on every call,
/// so a demoted or unapproved person's token sees only what they may see today.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokenService tokens,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = TokenAuthentication.PresentedToken(Context);
        if (presented is null) return AuthenticateResult.NoResult();
        var owner = await tokens.VerifyAsync(presented, Context.RequestAborted);
        if (owner is null) return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        var user = await users.FindByIdAsync(owner.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("The token's account cannot sign in.");

        var source = (ClaimsIdentity)(await principals.CreateAsync(user)).Identity!;
        var identity = new ClaimsIdentity(source.Claims, Scheme.Name, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(TokenAuthentication.ScopeClaim, owner.Scope.ToString()));
        identity.AddClaim(new Claim(TokenAuthentication.TokenIdClaim, owner.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
