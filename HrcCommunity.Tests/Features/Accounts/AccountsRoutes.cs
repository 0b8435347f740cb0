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
        new("/account", Access.SignedIn),
        new("/account/two-factor", Access.SignedIn),
        new("/account/forgot-password", Access.Public),
        new("/account/reset-password?email=a%40example.org&code=x", Access.Public),
        new("/account/signin-2fa", Access.Public),
        new("/account/confirm-email?userId=x&code=y", Access.Public),
        new("/admin/users", Access.Admin),
        new("/admin/jobs", Access.Admin),
        new("/account/signout", Access.Public, "POST", 302),
        new("/account/refresh", Access.SignedIn, "POST", 302),
        new("/account/confirm-email/resend", Access.SignedIn, "POST", 302),
        new("/account/tokens", Access.SignedIn),
        new("/admin/tokens", Access.Admin),
        new("/account/signins/remove", Access.SignedIn, "POST", 302),
        // Without AzureAd (as in the shared test host) there is no Microsoft sign-in to start.
        new("/account/microsoft/signin", Access.Public, "POST", 404),
        // Without a Microsoft answer in the external cookie: to the page that says the sign-in did not work.
        new("/account/microsoft/done", Access.Public, "GET", 302),
        new("/account/microsoft/failed?reason=unverified", Access.Public),
    ];

    public static readonly string[] PublicPages = ["/account/signin", "/account/register", "/account/forgot-password", "/account/microsoft/failed?reason=unverified"];
}
