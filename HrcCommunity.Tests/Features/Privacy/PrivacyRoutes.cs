using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Privacy;

public static class PrivacyRoutes
{
    public static readonly RouteExpectation[] All =
    [
        new("/privacy", Access.Public),
        new("/site-pages/privacy/edit", Access.Coordinator),
        new("/account/data", Access.SignedIn),
        new("/account/delete", Access.SignedIn),
        // An archive link opens only for its owner; a made-up token is "not found" to every signed-in person.
        new("/account/data/not-a-real-token", Access.SignedIn, AdmittedStatus: 404),
        new("/coordination/account-deletions", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/privacy"];
}
