using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Events;

/// <summary>
/// Upcoming dialogues and workshops between member cities, for the demo: a public inter-city dialogue the demo
/// practitioner and Coordinator are registered for (event 1), a practitioners-only workshop with open registration,
/// a monthly exchange of views by approval, and a time poll still collecting answers.
/// </summary>
public sealed class EventsDemoSeed(TimeProvider clock) : ISeed
{
    public int Order => 70;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.CommunityEvents.AnyAsync(ct)) return;
        var cities = await db.MemberCities.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var coordinator = await db.Users.FirstOrDefaultAsync(u => u.Email == "coordinator@demo.hrc.local", ct);
        var practitioner = await db.Users.FirstOrDefaultAsync(u => u.Email == "practitioner@demo.hrc.local", ct);
        if (coordinator is null || practitioner is null || cities.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var vienna = EventTimes.FindOrUtc("Europe/Vienna");
        var london = EventTimes.FindOrUtc("Europe/London");

        CommunityEvent Event(EventKind kind, string title, string agenda, DateTime localStart, TimeSpan length, TimeZoneInfo zone, string host,
            string[] invited, int capacity, EventVisibility visibility, RegistrationMode registration, string? link = null) => new()
        {
            Uid = $"{Guid.NewGuid():N}@hrc-community", Kind = kind, Title = title, Agenda = agenda,
            StartsAtUtc = EventTimes.ToUtc(localStart, zone) ?? localStart, EndsAtUtc = (EventTimes.ToUtc(localStart, zone) ?? localStart) + length,
            TimeZone = zone.Id, HostCityId = cities.GetValueOrDefault(host), Capacity = capacity, Visibility = visibility,
            Registration = registration, MeetingLink = link, OrganiserId = coordinator.Id, OrganiserName = coordinator.DisplayName,
            CreatedAt = now, UpdatedAt = now,
            InvitedCities = invited.Where(cities.ContainsKey).Select(c => new EventInvitedCity { MemberCityId = cities[c] }).ToList(),
        };

        var dialogue = Event(EventKind.InterCityDialogue, "Advisory councils: how Graz and York keep the city to its word",
            """
            An inter-city dialogue on the bodies that hold a human rights city to its commitments.

            1. **Graz**: twenty years of a human rights advisory council that reviews municipal policy and reports every year.
            2. **York**: yearly indicator reports on the rights residents named as priorities.
            3. Questions from Lund, Utrecht and Vienna, and what a small city can take from both.
            """,
            today.AddDays(9).AddHours(14), TimeSpan.FromMinutes(90), vienna, "Graz", ["York", "Lund", "Utrecht", "Vienna"], 60,
            EventVisibility.Public, RegistrationMode.Open, "https://meet.example.org/hrc-advisory-councils");
        var workshop = Event(EventKind.BrainstormingWorkshop, "Welcoming refugees: a brainstorming workshop for city staff",
            """
            A working session for practitioners, building on the research at University College Roosevelt on how European cities receive and include refugees.

            - What works in first reception, housing and language support
            - Where rights and municipal rules collide
            - One idea each city will try before the next meeting
            """,
            today.AddDays(16).AddHours(10), TimeSpan.FromHours(2), vienna, "Middelburg", ["Utrecht", "Lund", "Vienna"], 25,
            EventVisibility.Practitioners, RegistrationMode.Open, "https://meet.example.org/hrc-refugee-workshop");
        db.CommunityEvents.AddRange(dialogue, workshop);
        var series = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            var exchange = Event(EventKind.ExchangeOfViews, "Monthly exchange of views: rights at city level",
                "An open hour to compare notes between member cities: each month one city brings a question it is working on.",
                EventService.Occurrence(today.AddDays(23).AddHours(16), Recurrence.Monthly, i), TimeSpan.FromHours(1), london, "York",
                ["Graz", "Lund", "Utrecht", "Middelburg", "Vienna"], 30, EventVisibility.Public, RegistrationMode.ByApproval);
            exchange.SeriesId = series;
            exchange.Recurrence = Recurrence.Monthly;
            db.CommunityEvents.Add(exchange);
        }
        await db.SaveChangesAsync(ct);

        db.EventRegistrations.AddRange(
            new EventRegistration { EventId = dialogue.Id, UserId = practitioner.Id, Status = RegistrationStatus.Confirmed, Seat = 1, RegisteredAt = now, QueuedAt = now, NeedsCaptions = true },
            new EventRegistration { EventId = dialogue.Id, UserId = coordinator.Id, Status = RegistrationStatus.Confirmed, Seat = 2, RegisteredAt = now, QueuedAt = now });

        var poll = new SlotPoll
        {
            Title = "Housing as a human right: comparing city approaches", Kind = EventKind.InterCityDialogue, TimeZone = vienna.Id,
            HostCityId = cities.GetValueOrDefault("Vienna"), OrganiserId = coordinator.Id, CreatedAt = now,
            InvitedCities = new[] { "Utrecht", "Lund", "York" }.Where(cities.ContainsKey).Select(c => new SlotPollCity { MemberCityId = cities[c] }).ToList(),
            Slots = [.. new[] { 30, 31, 37 }.Select(d => new SlotPollSlot
            {
                StartsAtUtc = EventTimes.ToUtc(today.AddDays(d).AddHours(15), vienna)!.Value,
                EndsAtUtc = EventTimes.ToUtc(today.AddDays(d).AddHours(16).AddMinutes(30), vienna)!.Value,
            })],
        };
        db.SlotPolls.Add(poll);
        await db.SaveChangesAsync(ct);
        db.SlotPollAnswers.AddRange(
            new SlotPollAnswer { SlotId = poll.Slots[0].Id, UserId = practitioner.Id, City = practitioner.City, Answer = SlotAnswer.Yes, AnsweredAt = now },
            new SlotPollAnswer { SlotId = poll.Slots[1].Id, UserId = practitioner.Id, City = practitioner.City, Answer = SlotAnswer.IfNeedBe, AnsweredAt = now },
            new SlotPollAnswer { SlotId = poll.Slots[2].Id, UserId = practitioner.Id, City = practitioner.City, Answer = SlotAnswer.No, AnsweredAt = now });
        await db.SaveChangesAsync(ct);
    }
}
