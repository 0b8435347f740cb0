using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Search;

public static class SearchRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/search", Access.Public),
        new("/search?q=human+rights", Access.Public),
        new("/search?q=%22*%28%29%3A%5E", Access.Public),
        new("/search?q=rights&kind=link&theme=sdg-16&page=2", Access.Public),
        new("/api/search?q=graz", Access.Public),
        new("/api/search/suggestions?q=gra", Access.Public),
        new("/feed.atom", Access.Public),
    ];

    public static readonly string[] PublicPages = ["/search", "/search?q=human+rights"];
}
