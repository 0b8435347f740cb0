using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features;

/// <summary>
/// Every endpoint the app maps is in the route catalogue the authorization matrix walks, and every catalogue line
/// reaches an endpoint: a new page or endpoint cannot go unchecked, and a removed one cannot linger.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RouteCoverageTests(AppHost app)
{
    /// <summary>The framework's own endpoints, which no feature defines and no policy of ours guards.</summary>
    private static readonly string[] FrameworkPrefixes =
    [
        "_content/",     // package static assets (MudBlazor), from MapStaticAssets
        "_framework/",   // Blazor's scripts, from MapStaticAssets
        "/_framework/",  // Blazor's opaque-redirect endpoint for enhanced navigation
        "/_blazor",      // the Blazor circuit hub: connect, negotiate, disconnect, initializers
        "{**path:file}", // MapStaticAssets' fallback for files missing from the build manifest (Development)
        "/hubs/live",    // only the WebSocket connect itself, which needs an id from negotiate (catalogued below)
    ];

    private static readonly string[] Catalogued = ["/hubs/live/negotiate"];

    [Fact]
    public void EveryMappedEndpoint_IsInTheRouteCatalogue()
    {
        var catalogue = RouteCatalog.All.ToList();

        var missing = MappedEndpoints()
            .Where(e => !catalogue.Any(route => Covers(e, route)))
            .Select(e => $"{string.Join(",", Methods(e))} {e.RoutePattern.RawText}")
            .ToList();

        Assert.True(missing.Count == 0, "Add these to a *Routes.cs list: " + string.Join("; ", missing));
    }

    [Fact]
    public void EveryCatalogueLine_ReachesAMappedEndpoint()
    {
        var endpoints = MappedEndpoints().ToList();

        var stale = RouteCatalog.All.Where(route => !endpoints.Any(e => Covers(e, route))).Select(r => r.ToString()).ToList();

        Assert.Empty(stale);
    }

    private IEnumerable<RouteEndpoint> MappedEndpoints()
    {
        app.CreateClient();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && (Catalogued.Contains(raw) || !FrameworkPrefixes.Any(prefix => raw.StartsWith(prefix, StringComparison.Ordinal))));
    }

    private static bool Covers(RouteEndpoint endpoint, RouteExpectation route)
    {
        var methods = Methods(endpoint);
        if (methods.Count > 0 && !methods.Contains(route.Method)) return false;
        var path = route.Path.Split('?')[0];
        // Parameter constraints (":int") are not checked: a catalogue line gives a real value anyway.
        var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults));
        return matcher.TryMatch(path, new RouteValueDictionary());
    }

    /// <summary>The methods an endpoint answers; empty when it answers any (a hub, the health check).</summary>
    private static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
}
