using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Members;

public static class MembersRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/members", Access.Public),
        new("/members/cities/graz", Access.Public),
        new("/members/associates/rwi", Access.Public),
    ];

    public static readonly string[] PublicPages = ["/members", "/members/cities/lund", "/members/associates/rwi"];
}
