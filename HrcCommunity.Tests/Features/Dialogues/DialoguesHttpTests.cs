using System.Net;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Dialogues;

[Collection(AppCollection.Name)]
public sealed class DialoguesHttpTests(AppHost app)
{
    [Fact]
    public async Task RegisteredPractitioner_OpensTheRoomAndItsTranscript_AnExpertWhoIsNotRegisteredIsRefused()
    {
        var practitioner = await app.ClientAsync(Persona.Practitioner);
        var expert = await app.ClientAsync(Persona.Expert);

        var page = await practitioner.GetAsync($"/events/{EventsRoutes.PublicEvent}/room");
        var transcript = await practitioner.GetAsync($"/events/{EventsRoutes.PublicEvent}/room/transcript.md");
        var refused = await expert.GetAsync($"/events/{EventsRoutes.PublicEvent}/room");
        var refusedTranscript = await expert.GetAsync($"/events/{EventsRoutes.PublicEvent}/room/transcript.md");
        var missing = await practitioner.GetAsync("/events/987654/room");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Live room: Advisory councils", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        Assert.Equal("text/markdown", transcript.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Transcript: Advisory councils", await transcript.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This room is for the event", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refusedTranscript.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Practitioner_IsRefusedUntilTheirSeatIsConfirmed_ThenTheRoomOpens()
    {
        var email = await app.CreatePractitionerAsync("Rita Registers", "Room-Password-2026");
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, "Room-Password-2026");
        // The seeded workshop takes registrations without approval.
        var path = $"/events/{EventsRoutes.PractitionersOnlyEvent}/room";
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);

        await app.Services.GetRequiredService<EventRegistrationService>().RegisterAsync(await ActorAsync(email), EventsRoutes.PractitionersOnlyEvent, AccessNeeds.None);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task RoomHubTopic_FollowsTheSameRule_AsThePage()
    {
        var streams = app.Services.GetRequiredService<LiveStreams>();
        var topic = DialogueAccess.TopicOf(EventsRoutes.PublicEvent);

        Assert.True(await streams.MayJoinAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Practitioner)), topic));
        Assert.True(await streams.MayJoinAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Coordinator)), topic));
        Assert.False(await streams.MayJoinAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Expert)), topic));
        Assert.False(await streams.MayJoinAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Pending)), topic));
        Assert.False(await streams.MayJoinAsync(Actor.Anonymous, topic));
        Assert.False(await streams.MayJoinAsync(await ActorAsync(PersonaAccounts.EmailOf(Persona.Practitioner)), DialogueAccess.TopicOf(DialoguesRoutes.RoomWithoutPersonas)));
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.ToHashSet(), user.ApprovalStatus == ApprovalStatus.Approved);
    }
}
