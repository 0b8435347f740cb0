using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Accounts;

public static class AccountsRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/account/signin", Access.Public),
        new("/account/register", Access.Public),
        new("/account/pending", Access.SignedIn),
        new("/coordination/approvals", Access.Coordinator),
        new("/account/notifications", Access.Practitioner),
    ];

    public static readonly string[] PublicPages = ["/account/signin", "/account/register"];
}
