using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Dialogues;

public static class DialoguesRoutes
{
    /// <summary>
    /// The first seeded monthly exchange of views, which nobody has registered for (the demo practitioner holds seats at
    /// the dialogue and at the workshop, for its board): its room admits its organiser (the demo Coordinator) and every
    /// Coordinator, and no practitioner or expert. The room of the seeded dialogue is checked in DialoguesHttpTests.
    /// </summary>
    public const int RoomWithoutPersonas = 3;

    public static readonly RouteExpectation[] All =
    [
        new($"/events/{RoomWithoutPersonas}/room", Access.Coordinator),
        new($"/events/{RoomWithoutPersonas}/room/transcript.md", Access.Coordinator),
    ];

    /// <summary>Audited for accessibility as a Coordinator (its moderator): the room with every tool showing.</summary>
    public static readonly string[] CoordinatorPages = [$"/events/{EventsRoutes.PublicEvent}/room"];
}
