using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Events;

[Collection(AppCollection.Name)]
public sealed class EventsHttpTests(AppHost app)
{
    private const string PublicTitle = "Advisory councils: how Graz and York keep the city to its word";
    private const string PractitionersTitle = "Welcoming refugees: a brainstorming workshop for city staff";

    [Theory]
    [InlineData(Persona.Anonymous, false)]
    [InlineData(Persona.Pending, false)]
    [InlineData(Persona.Practitioner, true)]
    [InlineData(Persona.Coordinator, true)]
    public async Task EventPages_ShowThePractitionersLayerOnlyToApprovedMembers(Persona persona, bool seesPractitionersLayer)
    {
        var client = await app.ClientAsync(persona);

        foreach (var view in new[] { "/events", "/events?view=agenda" })
        {
            var page = await client.GetStringAsync(view);
            Assert.Contains(PublicTitle, page);
            Assert.Equal(seesPractitionersLayer, page.Contains(PractitionersTitle));
        }
        var workshop = await client.GetAsync($"/events/{EventsRoutes.PractitionersOnlyEvent}");
        Assert.Equal(seesPractitionersLayer ? HttpStatusCode.OK : HttpStatusCode.NotFound, workshop.StatusCode);
        Assert.Equal(seesPractitionersLayer, (await workshop.Content.ReadAsStringAsync()).Contains(PractitionersTitle));
        var ics = await client.GetAsync($"/events/{EventsRoutes.PractitionersOnlyEvent}/calendar.ics");
        Assert.Equal(seesPractitionersLayer ? HttpStatusCode.OK : HttpStatusCode.NotFound, ics.StatusCode);
    }

    [Fact]
    public async Task EventPage_ShowsTheMeetingLinkOnlyToPeopleTakingPart_AndLinksThePrivacyPageFromTheRegistrationForm()
    {
        var anonymous = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync($"/events/{EventsRoutes.PublicEvent}");
        var registered = await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync($"/events/{EventsRoutes.PublicEvent}");
        var other = await (await app.ClientAsync(Persona.Expert)).GetStringAsync($"/events/{EventsRoutes.PublicEvent}");

        Assert.DoesNotContain("meet.example.org", anonymous);
        Assert.Contains("Sign in to register", anonymous);
        Assert.Contains("https://meet.example.org/hrc-advisory-councils", registered);
        Assert.Contains("You are registered", registered);
        Assert.DoesNotContain("meet.example.org", other);
        Assert.Contains("href=\"/privacy\"", other);
        Assert.Contains("Accessibility needs (optional)", other);
    }

    [Fact]
    public async Task Api_ListsTheEventsTheCallerMaySee_WithUtcTimesAndTheRoomTopic_ByCookieOrAccessToken()
    {
        var anonymous = await ReadEventsAsync(await (await app.ClientAsync(Persona.Anonymous)).GetAsync("/api/events"));
        var dialogue = anonymous.Single(e => e.GetProperty("id").GetInt32() == EventsRoutes.PublicEvent);
        Assert.Equal(PublicTitle, dialogue.GetProperty("title").GetString());
        Assert.Equal("inter-city-dialogue", dialogue.GetProperty("kind").GetString());
        Assert.Equal("public", dialogue.GetProperty("visibility").GetString());
        Assert.Equal("Europe/Vienna", dialogue.GetProperty("timeZone").GetString());
        Assert.Equal($"room:{EventsRoutes.PublicEvent}", dialogue.GetProperty("roomTopic").GetString());
        Assert.EndsWith("Z", dialogue.GetProperty("startsAt").GetString());
        Assert.EndsWith("Z", dialogue.GetProperty("endsAt").GetString());
        Assert.DoesNotContain(anonymous, e => e.GetProperty("id").GetInt32() == EventsRoutes.PractitionersOnlyEvent);

        var cookie = await ReadEventsAsync(await (await app.ClientAsync(Persona.Practitioner)).GetAsync("/api/events"));
        Assert.Contains(cookie, e => e.GetProperty("id").GetInt32() == EventsRoutes.PractitionersOnlyEvent
            && e.GetProperty("visibility").GetString() == "practitioners");

        var token = await app.Services.GetRequiredService<PersonalAccessTokenService>()
            .CreateAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Practitioner)), "Meeting-room screen", TokenScope.Read, 30);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        var bearer = await ReadEventsAsync(await app.NewClient().SendAsync(request));
        Assert.Contains(bearer, e => e.GetProperty("id").GetInt32() == EventsRoutes.PractitionersOnlyEvent);

        var backwards = await (await app.ClientAsync(Persona.Anonymous)).GetAsync("/api/events?from=2027-01-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task EventIcs_IsAValidCalendarWithTheEventsUidAndUtcTimes()
    {
        var response = await (await app.ClientAsync(Persona.Anonymous)).GetAsync($"/events/{EventsRoutes.PublicEvent}/calendar.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var parsed = Assert.Single(await IcsParser.ParseAsync(await response.Content.ReadAsStringAsync()));
        var stored = (await app.Services.GetRequiredService<EventService>().GetAsync(Actor.Anonymous, EventsRoutes.PublicEvent))!;
        Assert.Equal((stored.Uid, stored.Sequence, "CONFIRMED", PublicTitle, stored.StartsAtUtc, stored.EndsAtUtc),
            (parsed.Uid, parsed.Sequence, parsed.Status, parsed.Summary, parsed.Start, parsed.End));
    }

    [Fact]
    public async Task PersonalFeed_FollowsUpdatesAndCancellationsUnderOneUid_AndARevokedAddressSaysSo()
    {
        var person = await ActorAsync(await app.CreatePractitionerAsync("Fiona Feed", "Feed-Password-2026"));
        var coordinator = await ActorAsync(PersonaAccounts.EmailOf(Persona.Coordinator));
        var events = app.Services.GetRequiredService<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(40).AddHours(10);
        var edit = new EventEdit(EventKind.BrainstormingWorkshop, "Feed workshop", "", start, start.AddHours(2), "Europe/Lisbon", null, [], 5,
            EventVisibility.Practitioners, RegistrationMode.Open, null);
        var eventId = await events.CreateAsync(coordinator, edit);
        await app.Services.GetRequiredService<EventRegistrationService>().RegisterAsync(person, eventId, AccessNeeds.None);
        var calendars = app.Services.GetRequiredService<CalendarFeedService>();
        var secret = await calendars.CreateFeedAsync(person);
        var client = app.NewClient();

        var first = Assert.Single(await IcsParser.ParseAsync(await client.GetStringAsync($"/events/feed/{secret}.ics")));
        await events.UpdateAsync(coordinator, eventId, edit with { Title = "Feed workshop, new title" });
        var updated = Assert.Single(await IcsParser.ParseAsync(await client.GetStringAsync($"/events/feed/{secret}.ics")));
        await events.CancelAsync(coordinator, eventId);
        var cancelled = Assert.Single(await IcsParser.ParseAsync(await client.GetStringAsync($"/events/feed/{secret}.ics")));

        Assert.Equal(("Feed workshop", 0, "CONFIRMED"), (first.Summary, first.Sequence, first.Status));
        Assert.Equal(("Feed workshop, new title", 1, first.Uid), (updated.Summary, updated.Sequence, updated.Uid));
        Assert.Equal(("CANCELLED", 2, first.Uid), (cancelled.Status, cancelled.Sequence, cancelled.Uid));

        await calendars.RevokeFeedAsync(person);
        var revoked = await client.GetAsync($"/events/feed/{secret}.ics");
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("revoked", await revoked.Content.ReadAsStringAsync());
    }

    private static async Task<List<JsonElement>> ReadEventsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.ToHashSet(), user.ApprovalStatus == ApprovalStatus.Approved);
    }
}
