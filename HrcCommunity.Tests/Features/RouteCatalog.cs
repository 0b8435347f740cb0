using HrcCommunity.Tests.Features.Accounts;
using HrcCommunity.Tests.Features.Content;
using HrcCommunity.Tests.Features.Links;
using HrcCommunity.Tests.Features.Members;
using HrcCommunity.Tests.Features.News;
using HrcCommunity.Tests.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features;

/// <summary>Every route the product has, from each feature's own list: adding a route is one line there.</summary>
public static class RouteCatalog
{
    public static IEnumerable<RouteExpectation> All =>
        ContentRoutes.All
            .Concat(MembersRoutes.All)
            .Concat(SearchRoutes.All)
            .Concat(LinksRoutes.All)
            .Concat(NewsRoutes.All)
            .Concat(AccountsRoutes.All);

    /// <summary>Pages anyone can open, audited for accessibility.</summary>
    public static IEnumerable<string> PublicPages =>
        ContentRoutes.PublicPages
            .Concat(MembersRoutes.PublicPages)
            .Concat(SearchRoutes.PublicPages)
            .Concat(LinksRoutes.PublicPages)
            .Concat(NewsRoutes.PublicPages)
            .Concat(AccountsRoutes.PublicPages);
}
