using System.Net;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Boards;

[Collection(AppCollection.Name)]
public sealed class BoardsHttpTests(AppHost app)
{
    [Fact]
    public async Task Exports_OfTheFinishedBoard_ListClustersAndNotesByDots()
    {
        var client = await app.ClientAsync(Persona.Practitioner);

        var csv = await client.GetAsync($"/boards/{BoardsRoutes.FinishedBoard}/export.csv");
        var markdown = await client.GetStringAsync($"/boards/{BoardsRoutes.FinishedBoard}/export.md");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n');
        Assert.Equal("Column,Cluster,Note,Colour,Author,Dots", lines[0].TrimEnd('\r'));
        Assert.StartsWith("Local responses,Evictions and emergency housing,Graz: the city pays rent arrears before a court date.,Green,Carla Coordinator,2",
            lines[1]);
        Assert.Contains("# Housing rights: what the network learnt in 2026", markdown);
        Assert.True(markdown.IndexOf("### Evictions and emergency housing (4 dots)", StringComparison.Ordinal)
            < markdown.IndexOf("### Knowing who is affected (1 dots)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_OfAPrivateBoard_LeavesOutOtherPeoplesNotesUntilTheReveal()
    {
        var boards = app.Services.GetRequiredService<BoardService>();
        var coordinator = await ActorAsync(PersonaAccounts.EmailOf(Persona.Coordinator), Roles.Coordinator);
        var other = await ActorAsync(await app.CreatePractitionerAsync("Olle Other", "Board-Password-2026"), Roles.Practitioner);
        var id = await boards.CreateAsync(coordinator, BoardsTestData.Create(privateWrite: true));
        var column = (await boards.GetAsync(coordinator, id))!.Columns[0].Id;
        var secret = $"Olle's unrevealed idea {Guid.NewGuid():N}";
        await boards.AddNoteAsync(other, id, column, secret, NoteColour.Blue);
        var client = await app.ClientAsync(Persona.Practitioner);

        Assert.DoesNotContain(secret, await client.GetStringAsync($"/boards/{id}/export.csv"));
        Assert.DoesNotContain(secret, await client.GetStringAsync($"/boards/{id}/export.md"));
        Assert.DoesNotContain(secret, await client.GetStringAsync($"/boards/{id}"));

        await boards.RevealNotesAsync(coordinator, id);

        Assert.Contains(secret, await client.GetStringAsync($"/boards/{id}/export.csv"));
    }

    [Fact]
    public async Task Export_OfAWorkshopBoard_IsRefusedToSomeoneNotRegistered_AndAMissingBoardIsNotFound()
    {
        var expert = await app.ClientAsync(Persona.Expert);

        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/boards/{BoardsRoutes.WorkshopBoard}/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync("/boards/999999/export.md")).StatusCode);
    }

    [Fact]
    public async Task Page_OfAWorkshopBoard_AnswersSomeoneNotRegisteredWith403AndTheBoardsOwnMessage()
    {
        var expert = await app.ClientAsync(Persona.Expert);

        var response = await expert.GetAsync($"/boards/{BoardsRoutes.WorkshopBoard}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This board is for the workshop&#x27;s participants", html);
        Assert.DoesNotContain("Welcoming refugees", html);
    }

    [Fact]
    public async Task Page_InTheDiscussPhase_OffersTheFacilitatorDraftsFromTheTopClusters_AndLinksTheDraftOnceMade()
    {
        var boards = app.Services.GetRequiredService<BoardService>();
        var coordinator = await ActorAsync(PersonaAccounts.EmailOf(Persona.Coordinator), Roles.Coordinator);
        var pia = await ActorAsync(await app.CreatePractitionerAsync("Pia Drafting", "Board-Password-2026"), Roles.Practitioner);
        var id = await boards.CreateAsync(coordinator, BoardsTestData.Create());
        var column = (await boards.GetAsync(coordinator, id))!.Columns[0].Id;
        var note = await boards.AddNoteAsync(pia, id, column, "Winter eviction stop", NoteColour.Yellow);
        await boards.SetPhaseAsync(coordinator, id, BoardPhase.Group);
        var cluster = await boards.AddClusterAsync(pia, id, "Evictions");
        await boards.SetClusterAsync(pia, note.Id, cluster);
        await boards.SetPhaseAsync(coordinator, id, BoardPhase.Vote);
        await boards.VoteAsync(pia, note.Id);
        await boards.SetPhaseAsync(coordinator, id, BoardPhase.Discuss);
        var facilitator = await app.ClientAsync(Persona.Coordinator);

        var offered = await facilitator.GetStringAsync($"/boards/{id}");
        var slug = await app.Services.GetRequiredService<BoardFollowUpService>().DraftPracticeAsync(coordinator, id, cluster, $"http://localhost/boards/{id}");
        var made = await facilitator.GetStringAsync($"/boards/{id}");

        Assert.Contains($"data-drafts=\"{cluster}\"", offered);
        Assert.Contains("Draft a practice", offered);
        Assert.Contains($"href=\"/practices/{slug}\"", made);
        Assert.Contains("Draft a Knowledge Centre item", made);
        Assert.Contains($"/boards/{id}", await facilitator.GetStringAsync($"/practices/{slug}"));
        Assert.DoesNotContain("data-drafts", await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync($"/boards/{id}"));
    }

    private async Task<Actor> ActorAsync(string email, string role)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var user = await db.Users.FirstAsync(u => u.Email == email);
        return new Actor(user.Id, user.DisplayName, new HashSet<string> { role }, true);
    }
}
