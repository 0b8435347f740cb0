using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Events;

public static class EventsRoutes
{
    /// <summary>The seeded public inter-city dialogue; event 2 is the seeded practitioners-only workshop.</summary>
    public const int PublicEvent = 1;

    public const int PractitionersOnlyEvent = 2;

    public static readonly RouteExpectation[] All =
    [
        new("/events", Access.Public),
        new("/events?view=month", Access.Public),
        new("/events?view=agenda", Access.Public),
        new($"/events/{PublicEvent}", Access.Public),
        new("/events/new", Access.Coordinator),
        new($"/events/{PublicEvent}/edit", Access.Coordinator),
        new("/events/calendar", Access.SignedIn),
        new("/events/polls", Access.Practitioner),
        new("/events/polls/new", Access.Coordinator),
        new("/events/polls/1", Access.Practitioner),
        new("/api/events", Access.Public),
        new($"/events/{PublicEvent}/calendar.ics", Access.Public),
        // A made-up feed secret is "no calendar here" for everyone: the secret, not a session, is the credential.
        new("/events/feed/not-a-real-secret.ics", Access.Public, AdmittedStatus: 404),
    ];

    public static readonly string[] PublicPages = ["/events", "/events?view=month", "/events?view=agenda", $"/events/{PublicEvent}"];
}
