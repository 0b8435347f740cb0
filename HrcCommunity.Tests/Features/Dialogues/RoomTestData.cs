using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Dialogues;

/// <summary>An event with a room: its organiser (a Coordinator) and two registered practitioners from different cities.</summary>
public sealed record RoomFixture(int EventId, Actor Organiser, Actor Ada, Actor Bruno)
{
    public static async Task<RoomFixture> CreateAsync(SqliteDatabase db)
    {
        var organiser = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(organiser, EventsTestData.Edit("Advisory councils compared", visibility: EventVisibility.Practitioners));
        var ada = await EventsTestData.PractitionerInAsync(db, "Ada Lind", "Lund");
        var bruno = await EventsTestData.PractitionerInAsync(db, "Bruno Berg", "York");
        var registrations = db.Get<EventRegistrationService>();
        await registrations.RegisterAsync(ada, eventId, AccessNeeds.None);
        await registrations.RegisterAsync(bruno, eventId, AccessNeeds.None);
        return new RoomFixture(eventId, organiser, ada, bruno);
    }
}
