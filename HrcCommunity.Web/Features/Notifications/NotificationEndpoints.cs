using HrcCommunity.Domain.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace HrcCommunity.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        // RFC 8058: a mail program posts here with no cookie and no antiforgery token; the signed link is the proof,
        // and all it can do is unsubscribe its own reader.
        app.MapPost("/unsubscribe/{token}/one-click", async (string token, UnsubscribeLinks links,
                IStringLocalizer<NotificationsText> t, CancellationToken ct) =>
            // The 404 carries its text: an empty one would be re-executed as POST /error/404, which Blazor's antiforgery
            // check answers with 400.
            await links.UnsubscribeAsync(token, ct)
                ? Results.Text(t["UnsubscribedOneClick"])
                : Results.Text(t["UnsubscribeInvalid"], statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous()
            .DisableAntiforgery();
        // Someone who opens the address in a browser gets the page that asks first: link checkers GET it too.
        app.MapGet("/unsubscribe/{token}/one-click", (string token) => Results.Redirect($"/unsubscribe/{Uri.EscapeDataString(token)}"))
            .AllowAnonymous();
        return app;
    }
}
