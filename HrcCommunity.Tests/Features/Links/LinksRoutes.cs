using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Links;

public static class LinksRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/links", Access.Public),
        new("/links/manage", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/links"];
}
