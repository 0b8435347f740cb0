using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>
/// Personal access tokens as a second way in, for the JSON API and the hub only. The cookie scheme stays the
/// default and hands a request to the token scheme when it carries a token, so pages never accept one.
/// </summary>
public static class TokenAuthentication
{
    public const string Scheme = "HrcToken";
    public const string ScopeClaim = "hrc:token-scope";
    public const string TokenIdClaim = "hrc:token-id";
    public const string MayPostPolicy = "TokenMayPost";
    public const string HubPath = "/hubs/live";
    private const string ApiPath = "/api";

    public static IServiceCollection AddPersonalAccessTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(Scheme, null);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            options => options.ForwardDefaultSelector = context => PresentedToken(context) is null ? null : Scheme);
        services.AddSingleton<IAuthorizationHandler, TokenScopeHandler>();
        services.AddAuthorizationBuilder().AddPolicy(MayPostPolicy, p => p.AddRequirements(new TokenScopeRequirement(TokenScope.ReadAndPost)));
        return services;
    }

    /// <summary>
    /// Refuses a presented token that did not authenticate (revoked, expired, unknown) instead of quietly
    /// answering as anonymous, and holds every request that changes something to the token's scope, so a
    /// POST endpoint added later is covered without anyone remembering to ask.
    /// </summary>
    public static IApplicationBuilder UseTokenScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (PresentedToken(context) is null)
        {
            await next(context);
            return;
        }
        if (context.User.Identity?.AuthenticationType != Scheme)
        {
            await context.ChallengeAsync(Scheme);
            return;
        }
        // Hub invocations (and SignalR's own negotiate POST) are checked per method by the hub.
        var changes = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && !context.Request.Path.StartsWithSegments(HubPath);
        if (changes)
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.User, context, MayPostPolicy)).Succeeded)
            {
                await Results.Problem(title: "This access token may only read: create one that may also post.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });

    /// <summary>The token a request carries, on the paths that accept one.</summary>
    public static string? PresentedToken(HttpContext context)
    {
        var path = context.Request.Path;
        var hub = path.StartsWithSegments(HubPath);
        if (!hub && !path.StartsWithSegments(ApiPath)) return null;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // A browser's WebSocket cannot send headers, so SignalR clients pass the token in the query string.
        if (hub && context.Request.Query.TryGetValue("access_token", out var query) && query.Count > 0) return query.ToString();
        return null;
    }

    public static TokenScope? TokenScopeOf(this System.Security.Claims.ClaimsPrincipal user) =>
        Enum.TryParse<TokenScope>(user.FindFirst(ScopeClaim)?.Value, out var scope) ? scope : null;
}

/// <summary>What a token-signed request needs its scope to include; cookie sign-ins have no scope and always pass.</summary>
public sealed record TokenScopeRequirement(TokenScope Needed) : IAuthorizationRequirement;

public sealed class TokenScopeHandler : AuthorizationHandler<TokenScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenScopeRequirement requirement)
    {
        var scope = context.User.TokenScopeOf();
        if (scope is null || scope >= requirement.Needed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
