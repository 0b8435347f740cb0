using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Content;

public static class ContentRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/", Access.Public),
        new("/about", Access.Public),
        new("/how-we-work", Access.Public),
        new("/human-rights-cities", Access.Public),
        new("/healthz", Access.Public),
        new("/site-pages/about/edit", Access.Coordinator),
        new("/site-pages/home/edit", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/", "/about", "/how-we-work", "/human-rights-cities"];
}
