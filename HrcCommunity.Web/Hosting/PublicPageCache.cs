using HrcCommunity.Domain.Data;
using HrcCommunity.Web.Components.Layout;
using HrcCommunity.Web.Features.Events;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace HrcCommunity.Web.Hosting;

/// <summary>
/// The public reading pages, as an anonymous visitor sees them, answered from memory. Everyone without a session sees
/// the same page for the same address, theme and data, so the page is rendered once per change of the data
/// (<see cref="ContentVersion"/> is part of the key) instead of once per visit. A signed-in person, whose pages show
/// their own layer and menu, is never answered from it.
/// </summary>
public sealed class PublicPageCache(ContentVersion content) : IOutputCachePolicy
{
    private static readonly string[] ReadingSections =
        ["/about", "/how-we-work", "/human-rights-cities", "/privacy", "/members", "/directory", "/knowledge", "/practices",
         "/links", "/news", "/answers", "/search"];

    // A safety net, not the freshness rule: the content version already changes the key on every write.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly object CachedRequest = new();

    /// <summary>Reading pages, less the one a visitor writes on: the directory's correction form carries their own token.</summary>
    public static bool IsReadingPage(PathString path) =>
        (path == "/" || ReadingSections.Any(section => path.StartsWithSegments(section, StringComparison.OrdinalIgnoreCase)))
        && !path.Value!.EndsWith("/correct", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this request's page may be stored for every anonymous visitor.</summary>
    public static bool IsShared(HttpContext context) => context.Items.ContainsKey(CachedRequest);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && IsReadingPage(request.Path);
        if (cacheable) http.Items[CachedRequest] = true;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        // Blazor's enhanced navigation asks with its own Accept header.
        context.CacheVaryByRules.HeaderNames = HeaderNames.Accept;
        context.CacheVaryByRules.VaryByValues["content"] = content.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["theme"] = request.Cookies[ThemePreference.CookieName] ?? "";
        context.CacheVaryByRules.VaryByValues["zone"] = request.Cookies[ViewerZone.Cookie] ?? "";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A response that sets a cookie is that visitor's alone.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Blazor (.NET 10) persists an antiforgery token at the end of every server render, static pages included, and storing
/// it sets a cookie on every first visit, which would keep every page personal. A shared reading page renders no form,
/// so its token is made without the cookie.
/// </summary>
public sealed class SharedPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        PublicPageCache.IsShared(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);
    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);
    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);
    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
}

public static class PublicPageCacheExtensions
{
    /// <summary>After AddRazorComponents, which registers the antiforgery service this wraps.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<PublicPageCache>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<PublicPageCache>((options, policy) => options.AddBasePolicy(policy));
        var antiforgery = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Replace(ServiceDescriptor.Singleton<IAntiforgery>(sp =>
            new SharedPageAntiforgery((IAntiforgery)ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!))));
        return services;
    }
}
