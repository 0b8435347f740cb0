using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.News;

public static class NewsRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/news", Access.Public),
        new("/news/research-on-human-rights-cities-moves-to-asia", Access.Public),
        new("/news/new", Access.Coordinator),
        new("/news/research-on-human-rights-cities-moves-to-asia/edit", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/news", "/news/research-on-human-rights-cities-moves-to-asia"];
}
