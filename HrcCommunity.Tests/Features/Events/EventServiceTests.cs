using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Events;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class EventServiceTests
{
    [Fact]
    public async Task Create_StoresUtcFromTheOrganisersZone_AndShowsEachViewerTheirOwn()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();

        var id = await events.CreateAsync(coordinator, EventsTestData.Edit());
        var view = (await events.GetAsync(coordinator, id))!;

        // 14:00 in Vienna in December is CET (UTC+1).
        Assert.Equal(new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc), view.StartsAtUtc);
        Assert.Equal(new DateTime(2026, 12, 10, 14, 0, 0), view.LocalStart);
        Assert.Equal("Thu 10 Dec 2026, 08:00–09:30 (America/New_York)",
            EventTimes.Describe(view.StartsAtUtc, view.EndsAtUtc, EventTimes.FindOrUtc("America/New_York")));
        Assert.Equal("Thu 10 Dec 2026, 22:00–23:30 (Asia/Tokyo)",
            EventTimes.Describe(view.StartsAtUtc, view.EndsAtUtc, EventTimes.FindOrUtc("Asia/Tokyo")));
        Assert.Equal($"room:{id}", view.RoomTopic);
    }

    [Fact]
    public async Task Moderator_MustBeAnApprovedPractitioner_AndIsShownOnTheEvent()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var practitioner = await EventsTestData.PractitionerInAsync(db, "Mona Moderator", "Lund");
        var pending = await db.CreateUserAsync("Pat Pending", ApprovalStatus.Pending, Roles.Practitioner);
        var noRole = await db.CreateUserAsync("Nora Norole");
        var events = db.Get<EventService>();

        var options = await events.ModeratorOptionsAsync(coordinator);
        Assert.Contains(new ModeratorOption(practitioner.UserId!, "Mona Moderator", "Lund"), options);
        Assert.DoesNotContain(options, o => o.UserId == pending.UserId || o.UserId == noRole.UserId);
        await Assert.ThrowsAsync<ForbiddenException>(() => events.ModeratorOptionsAsync(practitioner));

        foreach (var refused in new[] { pending.UserId!, noRole.UserId!, "no-such-person" })
        {
            var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => events.CreateAsync(coordinator, EventsTestData.Edit() with { ModeratorId = refused }));
            Assert.Equal("The moderator must be an approved practitioner: choose one from the list, or no moderator.", ex.Errors["ModeratorId"].Single());
        }

        var id = await events.CreateAsync(coordinator, EventsTestData.Edit() with { ModeratorId = practitioner.UserId });
        Assert.Equal(new ModeratorOption(practitioner.UserId!, "Mona Moderator", "Lund"), (await events.GetAsync(Actor.Anonymous, id))!.Moderator);
        // The moderator runs the meeting, so the link is theirs as it is a participant's.
        Assert.NotNull((await events.GetAsync(practitioner, id))!.MeetingLink);
    }

    [Fact]
    public async Task WeeklySeries_KeepsTheWallClockTimeAcrossTheEndOfSummerTime()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();

        // Vienna leaves summer time on Sunday 25 October 2026.
        var first = await events.CreateAsync(coordinator, EventsTestData.Edit() with
        {
            LocalStart = new DateTime(2026, 10, 20, 14, 0, 0), LocalEnd = new DateTime(2026, 10, 20, 15, 0, 0),
            Recurrence = Recurrence.Weekly, Occurrences = 3,
        });

        var series = await events.ListAsync(coordinator, new DateTime(2026, 10, 1), new DateTime(2026, 12, 1));
        Assert.Equal(3, series.Count);
        Assert.Equal(new DateTime(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc), series[0].StartsAtUtc);
        Assert.Equal(new DateTime(2026, 10, 27, 13, 0, 0, DateTimeKind.Utc), series[1].StartsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 3, 13, 0, 0, DateTimeKind.Utc), series[2].StartsAtUtc);
        Assert.Equal(first, series[0].Id);
        Assert.All(series, e => Assert.True(e.InSeries));
    }

    [Fact]
    public async Task Create_AtATimeTheClocksSkip_IsRefusedWithAClearMessage()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);

        // 02:30 on 28 March 2027 does not exist in Vienna: clocks jump from 02:00 to 03:00.
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit() with
        {
            LocalStart = new DateTime(2027, 3, 28, 2, 30, 0), LocalEnd = new DateTime(2027, 3, 28, 4, 0, 0),
        }));
        Assert.Contains("clocks skip", error.Errors["LocalStart"][0]);
    }

    [Fact]
    public async Task MovingOrCancellingOneOccurrence_LeavesTheRestOfTheSeries()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();
        await events.CreateAsync(coordinator, EventsTestData.Edit() with { Recurrence = Recurrence.Monthly, Occurrences = 3 });
        var series = await events.ListAsync(coordinator, new DateTime(2026, 12, 1), new DateTime(2027, 4, 1));
        var second = (await events.GetAsync(coordinator, series[1].Id))!;

        await events.UpdateAsync(coordinator, second.Id, EventsTestData.Edit() with
        {
            LocalStart = new DateTime(2027, 1, 12, 9, 0, 0), LocalEnd = new DateTime(2027, 1, 12, 10, 0, 0), ExpectedVersion = second.Version,
        });
        await events.CancelAsync(coordinator, series[2].Id);

        var after = await events.ListAsync(coordinator, new DateTime(2026, 12, 1), new DateTime(2027, 4, 1));
        Assert.Equal(series[0].StartsAtUtc, after[0].StartsAtUtc);
        Assert.False(after[0].IsCancelled);
        Assert.Equal(new DateTime(2027, 1, 12, 8, 0, 0, DateTimeKind.Utc), after[1].StartsAtUtc);
        Assert.True((await events.GetAsync(coordinator, series[1].Id))!.IsSeriesException);
        Assert.Equal(series[2].StartsAtUtc, after[2].StartsAtUtc);
        Assert.True(after[2].IsCancelled);
        Assert.False((await events.GetAsync(coordinator, series[0].Id))!.IsSeriesException);
    }

    [Fact]
    public async Task UpdateAndCancel_KeepTheUid_AndRaiseTheSequence()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();
        var id = await events.CreateAsync(coordinator, EventsTestData.Edit());
        var created = (await events.GetAsync(coordinator, id))!;

        await events.UpdateAsync(coordinator, id, EventsTestData.Edit("Advisory councils, compared again") with { ExpectedVersion = created.Version });
        var updated = (await events.GetAsync(coordinator, id))!;
        await events.CancelAsync(coordinator, id);
        var cancelled = (await events.GetAsync(coordinator, id))!;

        Assert.Equal(created.Uid, updated.Uid);
        Assert.Equal(created.Uid, cancelled.Uid);
        Assert.Equal([0, 1, 2], new[] { created.Sequence, updated.Sequence, cancelled.Sequence });
        Assert.True(cancelled.IsCancelled);
    }

    [Fact]
    public async Task BadInput_GetsClearMessages_AndNothingIsWritten()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var events = db.Get<EventService>();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => events.CreateAsync(coordinator, EventsTestData.Edit() with
        {
            LocalEnd = new DateTime(2026, 12, 10, 13, 0, 0), MeetingLink = "http://meet.example.org/plain", TimeZone = "Central European Standard Time",
            Title = "",
        }));

        Assert.Contains("The title is required.", error.Errors["Title"]);
        Assert.Contains("https://", error.Errors["MeetingLink"][0]);
        Assert.Contains("time zone", error.Errors["TimeZone"][0]);
        await using var context = db.CreateDbContext();
        Assert.Equal(0, await context.CommunityEvents.CountAsync());
        var endsBeforeStart = await Assert.ThrowsAsync<ValidationFailedException>(() => events.CreateAsync(coordinator, EventsTestData.Edit() with
        {
            LocalEnd = new DateTime(2026, 12, 10, 13, 0, 0),
        }));
        Assert.Equal("The event must end after it starts.", endsBeforeStart.Errors["LocalEnd"].Single());
    }

    [Fact]
    public async Task PractitionersOnlyEvents_AreHiddenFromTheInformationLayerOfTheOthers()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var practitioner = await EventsTestData.PractitionerAsync(db);
        var pending = await db.CreateUserAsync("Paul Pending", ApprovalStatus.Pending);
        var events = db.Get<EventService>();
        var open = await events.CreateAsync(coordinator, EventsTestData.Edit("Public announcement"));
        var closed = await events.CreateAsync(coordinator, EventsTestData.Edit("Practitioners only", visibility: EventVisibility.Practitioners));
        var window = (new DateTime(2026, 12, 1), new DateTime(2027, 1, 1));

        Assert.Equal([open], (await events.ListAsync(Actor.Anonymous, window.Item1, window.Item2)).Select(e => e.Id));
        Assert.Equal([open], (await events.ListAsync(pending, window.Item1, window.Item2)).Select(e => e.Id));
        Assert.Equal([open, closed], (await events.ListAsync(practitioner, window.Item1, window.Item2)).Select(e => e.Id));
        Assert.Null(await events.GetAsync(Actor.Anonymous, closed));
        Assert.NotNull(await events.GetAsync(practitioner, closed));
        await Assert.ThrowsAsync<ForbiddenException>(() => events.CreateAsync(practitioner, EventsTestData.Edit()));
    }
}
