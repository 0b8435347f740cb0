using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Networks;

public static class NetworksRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/directory", Access.Public),
        new("/directory?theme=sdg-13&region=europe&sort=members", Access.Public),
        new("/directory/eurocities", Access.Public),
        new("/directory/eurocities/correct", Access.Public),
        new("/directory/eurocities/edit", Access.Coordinator),
        new("/directory/corrections", Access.Coordinator),
        new("/directory/import", Access.Admin),
        new("/directory/export.csv", Access.Public),
        new("/api/networks", Access.Public),
        new("/api/networks/eurocities", Access.Public),
    ];

    public static readonly string[] PublicPages =
        ["/directory", "/directory?region=europe&size=50-249", "/directory/human-rights-cities-network", "/directory/icorn/correct"];
}
