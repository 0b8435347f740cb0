using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Notifications;

public static class NotificationsRoutes
{
    public static readonly RouteExpectation[] All =
    [
        // Unsubscribe links work without signing in; a made-up token is "not found" to everyone.
        new("/unsubscribe/not-a-real-token", Access.Public, AdmittedStatus: 404),
        new("/unsubscribe/not-a-real-token/one-click", Access.Public, AdmittedStatus: 302),
        new("/unsubscribe/not-a-real-token/one-click", Access.Public, "POST", AdmittedStatus: 404),
        new("/admin/outbox", Access.Admin),
        new("/account/notifications/inbox", Access.Practitioner),
    ];

    public static readonly string[] PublicPages = ["/unsubscribe/not-a-real-token"];
}
