using System.Security.Claims;
using Bunit;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Features.Accounts;
using HrcCommunity.Web.Hosting;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// What a component under bUnit needs from the app: the real resx strings, the app's own role policies
/// judging a chosen user (not bUnit's fake authorization, which grants policies by name), and, when given,
/// the Domain services of a real SQLite database.
/// </summary>
public static class ComponentTesting
{
    public static TestUser AddHrcServices(this BunitContext ctx, SqliteDatabase? database = null)
    {
        var user = new TestUser();
        ctx.Services.AddLocalization();
        ctx.Services.AddHrcPolicies();
        // bUnit pre-registers a placeholder that throws until its own fake is added; the real one goes in its place.
        ctx.Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        ctx.Services.AddCascadingAuthenticationState();
        ctx.Services.AddSingleton<AuthenticationStateProvider>(user);
        ctx.Services.AddScoped<CurrentActor>();
        // Live pages follow their streams through LiveFollow, which asks the streams' rules.
        ctx.Services.AddLiveStreams();
        // Pages draw their long lists with MudBlazor's table.
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        if (database is not null)
        {
            ctx.Services.AddFallbackServiceProvider(database.Services);
            // Services this container builds itself never reach the fallback for their constructor's arguments.
            ctx.Services.AddSingleton(database.Get<IPresence>());
        }
        return user;
    }
}

/// <summary>The person a rendered component sees: anonymous until signed in, with the claims the app issues.</summary>
public sealed class TestUser : AuthenticationStateProvider
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_principal));

    public void SignIn(Actor actor)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId ?? throw new ArgumentException("An anonymous actor cannot sign in.", nameof(actor))),
            new(HrcClaims.DisplayName, actor.DisplayName),
        };
        if (actor.IsApproved) claims.Add(new(HrcClaims.Approved, "true"));
        claims.AddRange(actor.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        _principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public void SignIn(string name, bool approved, params string[] roles) =>
        SignIn(new Actor(Guid.NewGuid().ToString(), name, roles.ToHashSet(), approved));
}
