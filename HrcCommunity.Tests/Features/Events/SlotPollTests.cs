using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Events;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class SlotPollTests
{
    private static PollEdit Poll(int hostCityId) => new("Housing as a human right", EventKind.InterCityDialogue, "Europe/Vienna", hostCityId, [],
    [
        new SlotProposal(new DateTime(2026, 12, 14, 15, 0, 0), new DateTime(2026, 12, 14, 16, 30, 0)),
        new SlotProposal(new DateTime(2026, 12, 15, 15, 0, 0), new DateTime(2026, 12, 15, 16, 30, 0)),
    ]);

    [Fact]
    public async Task BestSlot_CountsCities_NotOnlyPeople()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var polls = db.Get<SlotPollService>();
        var pollId = await polls.CreateAsync(coordinator, Poll(await EventsTestData.CityIdAsync(db, "Vienna")));
        var slots = (await polls.GetAsync(coordinator, pollId))!.Slots;
        var (monday, tuesday) = (slots[0].SlotId, slots[1].SlotId);
        // Three people from Graz can only make Monday; one from Lund and one from York can make Tuesday.
        foreach (var name in new[] { "Gina", "Gus", "Greta" })
            await polls.AnswerAsync(await EventsTestData.PractitionerInAsync(db, name, "Graz"), pollId,
                new Dictionary<int, SlotAnswer> { [monday] = SlotAnswer.Yes, [tuesday] = SlotAnswer.No });
        await polls.AnswerAsync(await EventsTestData.PractitionerInAsync(db, "Lena", "Lund"), pollId,
            new Dictionary<int, SlotAnswer> { [monday] = SlotAnswer.No, [tuesday] = SlotAnswer.Yes });
        await polls.AnswerAsync(await EventsTestData.PractitionerInAsync(db, "Yusuf", "york "), pollId,
            new Dictionary<int, SlotAnswer> { [monday] = SlotAnswer.No, [tuesday] = SlotAnswer.IfNeedBe });

        var poll = (await polls.GetAsync(coordinator, pollId))!;

        Assert.Equal(tuesday, poll.BestSlotId);
        var best = poll.Slots.Single(s => s.SlotId == tuesday);
        Assert.Equal((2, 1, 1, 1, 3), (best.CitiesAvailable, best.CitiesYes, best.PeopleYes, best.PeopleIfNeedBe, best.PeopleNo));
        Assert.Equal(["Lund", "york"], best.Cities);
        Assert.Equal((1, 3), (poll.Slots.Single(s => s.SlotId == monday).CitiesAvailable, poll.Slots.Single(s => s.SlotId == monday).PeopleYes));
    }

    [Fact]
    public async Task ChoosingASlot_SchedulesTheEvent_TellsEveryoneWhoAnswered_AndClosesThePoll()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var polls = db.Get<SlotPollService>();
        var pollId = await polls.CreateAsync(coordinator, Poll(await EventsTestData.CityIdAsync(db, "Vienna")));
        var slots = (await polls.GetAsync(coordinator, pollId))!.Slots;
        var lena = await EventsTestData.PractitionerInAsync(db, "Lena", "Lund");
        var yusuf = await EventsTestData.PractitionerInAsync(db, "Yusuf", "York");
        await polls.AnswerAsync(lena, pollId, new Dictionary<int, SlotAnswer> { [slots[1].SlotId] = SlotAnswer.Yes });
        await polls.AnswerAsync(yusuf, pollId, new Dictionary<int, SlotAnswer> { [slots[1].SlotId] = SlotAnswer.No });

        var eventId = await polls.ChooseAsync(coordinator, pollId, slots[1].SlotId);

        var ev = (await db.Get<EventService>().GetAsync(lena, eventId))!;
        Assert.Equal(("Housing as a human right", new DateTime(2026, 12, 15, 14, 0, 0, DateTimeKind.Utc), "Europe/Vienna"), (ev.Title, ev.StartsAtUtc, ev.TimeZone));
        await using var context = db.CreateDbContext();
        var told = await context.OutboxEmails.Where(e => e.Subject == "Time chosen: Housing as a human right").Select(e => e.To).ToListAsync();
        var emails = await context.Users.Where(u => u.Id == lena.UserId || u.Id == yusuf.UserId).Select(u => u.Email!).ToListAsync();
        Assert.Equal(emails.Order(), told.Order());
        Assert.Contains($"/events/{eventId}", (await context.OutboxEmails.FirstAsync(e => e.Subject == "Time chosen: Housing as a human right")).TextBody);
        var closed = await Assert.ThrowsAsync<ConflictException>(() =>
            polls.AnswerAsync(lena, pollId, new Dictionary<int, SlotAnswer> { [slots[0].SlotId] = SlotAnswer.Yes }));
        Assert.Contains("already chosen", closed.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => polls.ChooseAsync(lena, pollId, slots[0].SlotId));
    }
}
