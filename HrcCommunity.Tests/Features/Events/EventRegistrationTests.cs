using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Events;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class EventRegistrationTests
{
    [Fact]
    public async Task TwoPeopleTakingTheLastSeatAtOnce_GetOneWinner_AndTheOtherIsToldTheyAreOnTheWaitingList()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(capacity: 1));
        var first = await EventsTestData.PractitionerAsync(db, "Ana");
        var second = await EventsTestData.PractitionerAsync(db, "Ben");
        var registrations = db.Get<EventRegistrationService>();

        var outcomes = await Task.WhenAll(
            Task.Run(() => registrations.RegisterAsync(first, eventId, AccessNeeds.None)),
            Task.Run(() => registrations.RegisterAsync(second, eventId, AccessNeeds.None)));

        Assert.Single(outcomes, o => o.Status == RegistrationStatus.Confirmed && o.Seat == 1);
        var loser = Assert.Single(outcomes, o => o.Status == RegistrationStatus.Waitlisted);
        Assert.Equal(1, loser.WaitlistPosition);
        Assert.Contains("waiting list (position 1)", loser.Message);
    }

    [Fact]
    public async Task ManyConcurrentRegistrations_NeverHandOutMoreSeatsThanTheCapacity()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(capacity: 3));
        var people = new List<Actor>();
        for (var i = 0; i < 8; i++) people.Add(await EventsTestData.PractitionerAsync(db, $"Person {i}"));
        var registrations = db.Get<EventRegistrationService>();

        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => registrations.RegisterAsync(p, eventId, AccessNeeds.None))));

        Assert.Equal([1, 2, 3], outcomes.Where(o => o.Status == RegistrationStatus.Confirmed).Select(o => o.Seat!.Value).Order());
        Assert.Equal(5, outcomes.Count(o => o.Status == RegistrationStatus.Waitlisted));
        Assert.Equal([1, 2, 3, 4, 5], outcomes.Where(o => o.Status == RegistrationStatus.Waitlisted).Select(o => o.WaitlistPosition!.Value).Order());
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondHolderOfOneSeat()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(capacity: 5));
        var a = await EventsTestData.PractitionerAsync(db, "Ana");
        var b = await EventsTestData.PractitionerAsync(db, "Ben");
        await using var context = db.CreateDbContext();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        context.EventRegistrations.Add(new EventRegistration { EventId = eventId, UserId = a.UserId!, Seat = 2, RegisteredAt = now, QueuedAt = now });
        context.EventRegistrations.Add(new EventRegistration { EventId = eventId, UserId = b.UserId!, Seat = 2, RegisteredAt = now, QueuedAt = now });

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task CancellingASeat_PromotesTheFirstOnTheWaitingList_AndEmailsThem()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit("Small workshop", capacity: 1));
        var registrations = db.Get<EventRegistrationService>();
        var holder = await EventsTestData.PractitionerAsync(db, "Holder");
        var next = await EventsTestData.PractitionerAsync(db, "Next");
        var later = await EventsTestData.PractitionerAsync(db, "Later");
        await registrations.RegisterAsync(holder, eventId, AccessNeeds.None);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await registrations.RegisterAsync(next, eventId, AccessNeeds.None);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await registrations.RegisterAsync(later, eventId, AccessNeeds.None);

        await registrations.CancelAsync(holder, eventId);

        var events = db.Get<EventService>();
        Assert.Equal(new MyRegistration(RegistrationStatus.Confirmed, 1, null), (await events.GetAsync(next, eventId))!.Mine);
        Assert.Equal(new MyRegistration(RegistrationStatus.Waitlisted, null, 1), (await events.GetAsync(later, eventId))!.Mine);
        await using var context = db.CreateDbContext();
        var nextEmail = await context.Users.Where(u => u.Id == next.UserId).Select(u => u.Email).FirstAsync();
        Assert.True(await context.OutboxEmails.AnyAsync(e => e.To == nextEmail && e.Subject == "You have a seat: Small workshop"));
    }

    [Fact]
    public async Task RaisingTheCapacity_PromotesFromTheWaitingList_AndLoweringItBelowTheSeatsTakenIsRefused()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();
        var eventId = await events.CreateAsync(coordinator, EventsTestData.Edit(capacity: 1));
        var registrations = db.Get<EventRegistrationService>();
        var a = await EventsTestData.PractitionerAsync(db, "Ana");
        var b = await EventsTestData.PractitionerAsync(db, "Ben");
        await registrations.RegisterAsync(a, eventId, AccessNeeds.None);
        await registrations.RegisterAsync(b, eventId, AccessNeeds.None);

        await events.UpdateAsync(coordinator, eventId, EventsTestData.Edit(capacity: 2) with { ExpectedVersion = 0 });
        Assert.Equal(RegistrationStatus.Confirmed, (await events.GetAsync(b, eventId))!.Mine!.Status);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            events.UpdateAsync(coordinator, eventId, EventsTestData.Edit(capacity: 1) with { ExpectedVersion = 1 }));
        Assert.Contains("cannot be lower than the 2 seats already taken", error.Errors["Capacity"][0]);
        Assert.Equal(2, (await events.GetAsync(coordinator, eventId))!.Capacity);
    }

    [Fact]
    public async Task RegisteringTwice_IsRefusedWithAClearMessage()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit());
        var practitioner = await EventsTestData.PractitionerAsync(db);
        var registrations = db.Get<EventRegistrationService>();
        await registrations.RegisterAsync(practitioner, eventId, AccessNeeds.None);

        var error = await Assert.ThrowsAsync<ConflictException>(() => registrations.RegisterAsync(practitioner, eventId, AccessNeeds.None));

        Assert.Equal("You are already registered for this event.", error.Message);
    }

    [Fact]
    public async Task AccessibilityNeeds_AreRoutedToTheOrganiser()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit("Dialogue with captions"));
        var practitioner = await EventsTestData.PractitionerAsync(db, "Ines Needs");
        var registrations = db.Get<EventRegistrationService>();

        var missingLanguage = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            registrations.RegisterAsync(practitioner, eventId, new AccessNeeds(true, " ", false, false, null)));
        Assert.Equal("Say which language you need interpretation into.", missingLanguage.Errors["InterpretationLanguage"].Single());
        await registrations.RegisterAsync(practitioner, eventId, new AccessNeeds(true, "Swedish", true, true, "Step-free access please"));

        var row = Assert.Single(await registrations.ListAsync(coordinator, eventId));
        Assert.Equal(("Ines Needs", true, "Swedish", true, true, "Step-free access please"),
            (row.Name, row.NeedsInterpretation, row.InterpretationLanguage, row.NeedsSignLanguage, row.NeedsCaptions, row.AccessNote));
        await using var context = db.CreateDbContext();
        var organiserEmail = await context.Users.Where(u => u.Id == coordinator.UserId).Select(u => u.Email).FirstAsync();
        var email = await context.OutboxEmails.SingleAsync(e => e.To == organiserEmail);
        Assert.Contains("interpretation into Swedish; sign language interpretation; live captions; note: Step-free access please", email.TextBody);
        await Assert.ThrowsAsync<ForbiddenException>(() => registrations.ListAsync(practitioner, eventId));
    }

    [Fact]
    public async Task ByApproval_WaitsForTheOrganiser_ThenTakesASeat()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit() with { Registration = RegistrationMode.ByApproval });
        var practitioner = await EventsTestData.PractitionerAsync(db);
        var registrations = db.Get<EventRegistrationService>();

        var asked = await registrations.RegisterAsync(practitioner, eventId, AccessNeeds.None);
        Assert.Equal(RegistrationStatus.AwaitingApproval, asked.Status);
        var row = Assert.Single(await registrations.ListAsync(coordinator, eventId));
        var approved = await registrations.ApproveAsync(coordinator, row.Id);

        Assert.Equal((RegistrationStatus.Confirmed, 1), (approved.Status, approved.Seat!.Value));
        await Assert.ThrowsAsync<ConflictException>(() => registrations.ApproveAsync(coordinator, row.Id));
    }
}
