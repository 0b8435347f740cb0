using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Web.Features.Events;

public static class EventEndpoints
{
    private const string CalendarType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        // The events the caller may see (cookie or access token), with the same layer rule as /events.
        app.MapGet("/api/events", async (HttpContext http, EventService events, DateTime? from, DateTime? to, CancellationToken ct) =>
        {
            var start = from?.ToUniversalTime() ?? DateTime.UtcNow.Date.AddDays(-30);
            var end = to?.ToUniversalTime() ?? start.AddYears(1);
            if (end <= start || end - start > TimeSpan.FromDays(800))
                return Results.Problem(title: "'to' must be after 'from', at most 800 days later.", statusCode: StatusCodes.Status400BadRequest);
            var list = await events.ListAsync(http.User.ToActor(), start, end, ct);
            return Results.Ok(list.Select(e => new EventResponse(e.Id, e.Title, KindName(e.Kind), e.StartsAtUtc, e.EndsAtUtc, e.TimeZone,
                e.Visibility == EventVisibility.Public ? "public" : "practitioners", e.RoomTopic, e.IsCancelled, e.HostCity)).ToList());
        });

        app.MapGet("/events/{id:int}/calendar.ics", async (int id, HttpContext http, CalendarFeedService calendars, CancellationToken ct) =>
            await calendars.GetEventCalendarAsync(http.User.ToActor(), id, ct) is { } ics
                ? Results.Text(ics, CalendarType)
                : Results.NotFound());

        // The secret in the address is the only credential: calendar apps send no cookie.
        app.MapGet("/events/feed/{secret}.ics", async (string secret, CalendarFeedService calendars, HttpContext http, CancellationToken ct) =>
        {
            var feed = await calendars.GetFeedAsync(secret, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return feed.Status switch
            {
                FeedStatus.Ok => Results.Text(feed.Calendar, CalendarType),
                FeedStatus.Revoked => Results.Text("This calendar address was revoked by its owner. Make a new one at /events/calendar.", "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status410Gone),
                _ => Results.Text("There is no calendar at this address.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound),
            };
        });
        return app;
    }

    public static string KindName(EventKind kind) => kind switch
    {
        EventKind.InterCityDialogue => "inter-city-dialogue",
        EventKind.BrainstormingWorkshop => "brainstorming-workshop",
        _ => "exchange-of-views",
    };

    /// <param name="StartsAt">UTC; serialized as ISO 8601 with a Z.</param>
    public sealed record EventResponse(int Id, string Title, string Kind, DateTime StartsAt, DateTime EndsAt, string TimeZone, string Visibility,
        string RoomTopic, bool Cancelled, string? HostCity);
}
