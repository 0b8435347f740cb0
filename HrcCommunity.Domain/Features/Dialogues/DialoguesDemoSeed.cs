using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>
/// The upcoming inter-city dialogue's room (the demo practitioner and Coordinator are registered): a few messages with a
/// reply, a mention and a reaction, the practitioner's raised hand and an audience question. And a dialogue held two
/// weeks ago, with its conversation and the minutes written afterwards. The past one is added after the events seed's,
/// so their ids (which tests name) stay as they were.
/// </summary>
public sealed class DialoguesDemoSeed(TimeProvider clock) : ISeed
{
    public int Order => 71;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.DialogueMessages.AnyAsync(ct)) return;
        var dialogue = await db.CommunityEvents.Where(e => e.Kind == EventKind.InterCityDialogue).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        var coordinator = await db.Users.FirstOrDefaultAsync(u => u.Email == "coordinator@demo.hrc.local", ct);
        var practitioner = await db.Users.FirstOrDefaultAsync(u => u.Email == "practitioner@demo.hrc.local", ct);
        if (dialogue is null || coordinator is null || practitioner is null) return;
        var now = clock.GetUtcNow().UtcDateTime;

        DialogueMessage Message(Accounts.AppUser author, string text, int minutesAgo, string mentions = "") => new()
        {
            EventId = dialogue.Id, AuthorId = author.Id, AuthorName = author.DisplayName, AuthorCity = author.City, Text = text,
            Mentions = mentions, SentAt = now.AddMinutes(-minutesAgo),
        };

        var welcome = Message(coordinator, "Welcome to the room. We start with **Graz**; raise your hand to come in after each city.", 30);
        var question = Message(practitioner, "Does the Graz council publish its yearly report in plain language as well?", 25);
        db.DialogueMessages.AddRange(welcome, question);
        await db.SaveChangesAsync(ct);
        var reply = Message(coordinator, $"Good question, @{practitioner.DisplayName}: we will ask the Graz speaker.", 20, practitioner.DisplayName);
        reply.ParentId = question.Id;
        db.DialogueMessages.Add(reply);
        db.DialogueReactions.Add(new DialogueReaction { MessageId = welcome.Id, UserId = practitioner.Id, Reaction = "thumbs-up" });
        db.DialogueHands.Add(new DialogueHand { EventId = dialogue.Id, UserId = practitioner.Id, Name = practitioner.DisplayName, City = practitioner.City, RaisedAt = now.AddMinutes(-10) });
        db.DialogueQuestions.Add(new DialogueQuestion
        {
            EventId = dialogue.Id, AuthorId = practitioner.Id, AuthorName = practitioner.DisplayName, AuthorCity = practitioner.City,
            Text = "How does York choose the rights its indicator report measures?", AskedAt = now.AddMinutes(-15), Votes = 0,
        });
        await db.SaveChangesAsync(ct);
        await SeedPastDialogueAsync(db, coordinator, practitioner, now, ct);
    }

    private static async Task SeedPastDialogueAsync(HrcDbContext db, Accounts.AppUser coordinator, Accounts.AppUser practitioner, DateTime now,
        CancellationToken ct)
    {
        var cities = await db.MemberCities.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var vienna = EventTimes.FindOrUtc("Europe/Vienna");
        var start = EventTimes.ToUtc(now.Date.AddDays(-14).AddHours(15), vienna) ?? now.Date.AddDays(-14).AddHours(14);
        var past = new CommunityEvent
        {
            Uid = $"{Guid.NewGuid():N}@hrc-community", Kind = EventKind.InterCityDialogue,
            Title = "Public space for everyone: what Lund and Utrecht changed",
            Agenda = """
                An inter-city dialogue on making squares, parks and stations usable and safe for every resident.

                1. **Lund**: the accessibility walks with residents and what the city rebuilt after them.
                2. **Utrecht**: benches, toilets and lighting, decided with the neighbourhood councils.
                3. Questions from Graz and Vienna.
                """,
            StartsAtUtc = start, EndsAtUtc = start.AddMinutes(90), TimeZone = vienna.Id, HostCityId = cities.GetValueOrDefault("Lund"),
            Capacity = 40, Visibility = EventVisibility.Public, Registration = RegistrationMode.Open,
            OrganiserId = coordinator.Id, OrganiserName = coordinator.DisplayName, CreatedAt = now.AddDays(-40), UpdatedAt = now.AddDays(-14),
            InvitedCities = new[] { "Utrecht", "Graz", "Vienna" }.Where(cities.ContainsKey).Select(c => new EventInvitedCity { MemberCityId = cities[c] }).ToList(),
        };
        db.CommunityEvents.Add(past);
        await db.SaveChangesAsync(ct);
        db.EventRegistrations.AddRange(
            new EventRegistration { EventId = past.Id, UserId = practitioner.Id, Status = RegistrationStatus.Confirmed, Seat = 1, RegisteredAt = now.AddDays(-30), QueuedAt = now.AddDays(-30) },
            new EventRegistration { EventId = past.Id, UserId = coordinator.Id, Status = RegistrationStatus.Confirmed, Seat = 2, RegisteredAt = now.AddDays(-30), QueuedAt = now.AddDays(-30) });

        DialogueMessage Said(Accounts.AppUser author, string text, int minutesIn) => new()
        {
            EventId = past.Id, AuthorId = author.Id, AuthorName = author.DisplayName, AuthorCity = author.City, Text = text, SentAt = start.AddMinutes(minutesIn),
        };
        db.DialogueMessages.AddRange(
            Said(coordinator, "Welcome, everyone. Lund starts; Utrecht follows after the first questions.", 2),
            Said(practitioner, "Utrecht's neighbourhood councils chose where the new benches go: **62** of them so far.", 41),
            Said(coordinator, "Thank you all. The minutes will be on the event page this week.", 88));
        db.DialogueRooms.Add(new DialogueRoom
        {
            EventId = past.Id, IsLocked = true, MinutesUpdatedAt = start.AddDays(2),
            Minutes = """
                ## Minutes

                **Present:** Lund (host), Utrecht, Graz, Vienna; 23 participants.

                ### What we heard
                - **Lund** walks each district with residents who use wheelchairs, prams or white canes; the city rebuilt 14 crossings after the first round.
                - **Utrecht** lets neighbourhood councils decide where benches, public toilets and lighting go.

                ### Agreed
                1. Lund shares its walk checklist with the network.
                2. Graz and Vienna try one accessibility walk each before the next dialogue.
                """,
        });
        await db.SaveChangesAsync(ct);
    }
}
