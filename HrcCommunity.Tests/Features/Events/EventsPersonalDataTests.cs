using System.Text.Json;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Events;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class EventsPersonalDataTests
{
    [Fact]
    public async Task PersonalDataExport_HoldsTheirRegistrationsAndPollAnswers_AndNoOneElses()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(db);
        var eventId = await db.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit("Dialogue on housing"));
        var ada = await EventsTestData.PractitionerInAsync(db, "Ada", "Lund");
        var bruno = await EventsTestData.PractitionerInAsync(db, "Bruno", "York");
        var registrations = db.Get<EventRegistrationService>();
        await registrations.RegisterAsync(ada, eventId, new AccessNeeds(false, null, true, false, "adamark"));
        await registrations.RegisterAsync(bruno, eventId, new AccessNeeds(false, null, false, true, "brunomark"));
        var polls = db.Get<SlotPollService>();
        var pollId = await polls.CreateAsync(coordinator, new PollEdit("Poll on housing", EventKind.ExchangeOfViews, "Europe/Vienna", null, [],
            [new(new DateTime(2026, 12, 1, 10, 0, 0), new DateTime(2026, 12, 1, 11, 0, 0)), new(new DateTime(2026, 12, 2, 10, 0, 0), new DateTime(2026, 12, 2, 11, 0, 0))]));
        var slot = (await polls.GetAsync(ada, pollId))!.Slots[0].SlotId;
        await polls.AnswerAsync(ada, pollId, new Dictionary<int, SlotAnswer> { [slot] = SlotAnswer.IfNeedBe });
        await db.Get<CalendarFeedService>().SetTimeZoneAsync(ada, "Europe/Stockholm");

        var data = await db.Get<PersonalDataCollector>().CollectAsync(ada.UserId!);

        var text = JsonSerializer.Serialize(data.Json);
        var events = JsonDocument.Parse(text).RootElement.GetProperty("events");
        var registration = events.GetProperty("registrations").EnumerateArray().Single();
        Assert.Equal(("Dialogue on housing", "Confirmed", true, "adamark"), (registration.GetProperty("Event").GetString(),
            registration.GetProperty("Status").GetString(), registration.GetProperty("NeedsSignLanguage").GetBoolean(), registration.GetProperty("AccessNote").GetString()));
        var answer = events.GetProperty("timePollAnswers").EnumerateArray().Single();
        Assert.Equal(("Poll on housing", "IfNeedBe", "Lund"), (answer.GetProperty("Poll").GetString(), answer.GetProperty("Answer").GetString(), answer.GetProperty("City").GetString()));
        Assert.Equal("Europe/Stockholm", events.GetProperty("timeZone").GetString());
        Assert.DoesNotContain("brunomark", text);
    }
}
