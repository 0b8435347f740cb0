using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Networks;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NetworkCorrectionTests
{
    private const string Slug = "icorn";

    private static async Task<(SqliteDatabase Database, Actor Coordinator, NetworkCorrectionService Corrections)> SetUpAsync()
    {
        var database = await SqliteDatabase.CreateAsync();
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        return (database, coordinator, database.Get<NetworkCorrectionService>());
    }

    private static async Task<long> ProposeAsync(SqliteDatabase database, Dictionary<string, string> values, string? email = null, string address = "203.0.113.7")
    {
        var form = await database.Get<NetworkCorrectionService>().GetFormAsync(Actor.Anonymous, Slug);
        var proposed = form!.Values.ToDictionary();
        foreach (var (key, value) in values) proposed[key] = value;
        return (await database.Get<NetworkCorrectionService>().ProposeAsync(Actor.Anonymous, Slug,
            new CorrectionProposal(form.Version, proposed, "Their 2026 annual report says so.", email), address))!.Value;
    }

    [Fact]
    public async Task Accept_AppliesTheFields_MovesLastConfirmed_WritesHistory_AndTellsTheQueueLive()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        using var events = new LiveRecorder<NetworkCorrectionChanged>(database.Get<ILiveNotifier<NetworkCorrectionChanged>>(), NetworkCorrectionChanged.QueueTopic);

        var id = await ProposeAsync(database, new() { ["member_count"] = "91", ["headquarters"] = "Stavanger, Norway" }, "proposer@example.org");
        var queued = Assert.Single(await corrections.ListPendingAsync(coordinator));
        database.Clock.Advance(TimeSpan.FromDays(2));
        await corrections.AcceptAsync(coordinator, id);

        Assert.Equal(["headquarters", "member_count"], queued.Changes.Select(c => c.Field).Order());
        Assert.Contains(queued.Changes, c => c.Field == "member_count" && c.Old == "84" && c.Proposed == "91");
        var page = await database.Get<NetworkDirectoryService>().GetAsync(Actor.Anonymous, Slug);
        Assert.Equal(91, page!.Entry.MemberCount);
        Assert.Equal("Stavanger, Norway", page.Entry.Headquarters);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, page.Entry.LastConfirmedAt);
        var latest = page.History.First();
        Assert.Equal(("correction", "Cora Coordinator", 2), (latest.Kind, latest.ChangedByName, latest.Version));
        Assert.Equal(["member_count", "headquarters"], latest.Fields);
        Assert.Empty(await corrections.ListPendingAsync(coordinator));
        Assert.Equal([CorrectionStatus.Pending, CorrectionStatus.Accepted], (await events.WaitForAsync(2)).Select(e => e.Status));
        await using var db = database.CreateDbContext();
        Assert.Contains(await db.OutboxEmails.ToListAsync(), m => m.To == "proposer@example.org" && m.Subject.Contains("accepted"));
    }

    [Fact]
    public async Task Reject_LeavesTheEntryAsItWas_AndRecordsWhoDecided()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        var id = await ProposeAsync(database, new() { ["founded"] = "1999" });

        await corrections.RejectAsync(coordinator, id, "Our source says 2006.");

        var page = await database.Get<NetworkDirectoryService>().GetAsync(Actor.Anonymous, Slug);
        Assert.Equal(2006, page!.Entry.FoundedYear);
        Assert.Equal(1, page.Entry.Version);
        await using var db = database.CreateDbContext();
        var stored = await db.NetworkCorrections.SingleAsync(c => c.Id == id);
        Assert.Equal((CorrectionStatus.Rejected, "Cora Coordinator", "Our source says 2006."), (stored.Status, stored.DecidedByName, stored.DecisionNote));
    }

    [Fact]
    public async Task Accept_WhenTheEntryChangedSinceTheProposal_IsRefusedAsStale_AndStaysInTheQueueMarkedStale()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        var id = await ProposeAsync(database, new() { ["acronym"] = "ICRN" });
        var edit = await database.Get<NetworkEditingService>().GetForEditAsync(coordinator, Slug);
        var values = edit!.Values.ToDictionary();
        values["headquarters"] = "Stavanger (Norway)";
        await database.Get<NetworkEditingService>().UpdateAsync(coordinator, Slug, values, [], edit.Version);

        var error = await Assert.ThrowsAsync<ConflictException>(() => corrections.AcceptAsync(coordinator, id));

        Assert.Contains("has changed since this correction was proposed", error.Message);
        Assert.True(Assert.Single(await corrections.ListPendingAsync(coordinator)).IsStale);
        Assert.Equal("ICORN", (await database.Get<NetworkDirectoryService>().GetAsync(Actor.Anonymous, Slug))!.Entry.Acronym);
    }

    [Fact]
    public async Task Corrections_ToADeletedEntry_AreRefusedWithAClearMessage_BothProposingAndAccepting()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        var id = await ProposeAsync(database, new() { ["acronym"] = "ICRN" });
        var form = await corrections.GetFormAsync(Actor.Anonymous, Slug);
        await database.Get<NetworkEditingService>().DeleteAsync(coordinator, Slug, form!.Version);

        var accepting = await Assert.ThrowsAsync<ConflictException>(() => corrections.AcceptAsync(coordinator, id));
        var proposing = await Assert.ThrowsAsync<ConflictException>(() => corrections.ProposeAsync(Actor.Anonymous, Slug,
            new CorrectionProposal(form.Version + 1, new Dictionary<string, string> { ["acronym"] = "X" }, "note", null), "203.0.113.8"));

        Assert.Contains("was removed from the directory", accepting.Message);
        Assert.Contains("was removed from the directory", proposing.Message);
        Assert.Null(await database.Get<NetworkDirectoryService>().GetAsync(Actor.Anonymous, Slug));
        Assert.True(Assert.Single(await corrections.ListPendingAsync(coordinator)).NetworkDeleted);
    }

    [Fact]
    public async Task Accept_Twice_TellsWhoAlreadyDecided()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        var id = await ProposeAsync(database, new() { ["acronym"] = "ICRN" });
        await corrections.AcceptAsync(coordinator, id);

        var error = await Assert.ThrowsAsync<ConflictException>(() => corrections.RejectAsync(coordinator, id, null));

        Assert.Contains("already accepted by Cora Coordinator", error.Message);
    }

    [Fact]
    public async Task Propose_RefusesNoChangeAbsurdValuesAndMissingNote_AndIgnoresFieldsTheProposerCannotSee()
    {
        var (database, _, corrections) = await SetUpAsync();
        await using var __ = database;
        var form = await corrections.GetFormAsync(Actor.Anonymous, Slug);
        var values = form!.Values.ToDictionary();

        var unchanged = await Assert.ThrowsAsync<ValidationFailedException>(() => corrections.ProposeAsync(Actor.Anonymous, Slug,
            new CorrectionProposal(form.Version, new Dictionary<string, string>(values) { ["contacts"] = "Someone" }, "note", null), "203.0.113.9"));
        var absurd = await Assert.ThrowsAsync<ValidationFailedException>(() => corrections.ProposeAsync(Actor.Anonymous, Slug,
            new CorrectionProposal(form.Version, new Dictionary<string, string>(values) { ["member_count"] = "-5", ["founded"] = "2999" }, "", "not-an-email"), "203.0.113.9"));

        Assert.Contains("values", unchanged.Errors.Keys);
        Assert.Contains("cannot be negative", absurd.Errors["member_count"].Single());
        Assert.Contains("cannot be in the future", absurd.Errors["founded"].Single());
        Assert.Contains("note", absurd.Errors.Keys);
        Assert.Contains("email", absurd.Errors.Keys);
        Assert.False(values.ContainsKey("contacts"));
    }

    [Fact]
    public async Task Propose_WithTheHoneypotFilled_StoresNothing_AndTooManyFromOneAddressAreRateLimited()
    {
        var (database, coordinator, corrections) = await SetUpAsync();
        await using var _ = database;
        var form = await corrections.GetFormAsync(Actor.Anonymous, Slug);
        var values = new Dictionary<string, string>(form!.Values) { ["acronym"] = "BOT" };

        var trapped = await corrections.ProposeAsync(Actor.Anonymous, Slug, new CorrectionProposal(form.Version, values, "spam", null, Trap: "http://spam.example"), "198.51.100.1");
        for (var i = 0; i < NetworkCorrectionService.MaxProposalsPerHour; i++)
            await ProposeAsync(database, new() { ["acronym"] = $"A{i}" }, address: "198.51.100.2");
        await Assert.ThrowsAsync<RateLimitedException>(() => ProposeAsync(database, new() { ["acronym"] = "A9" }, address: "198.51.100.2"));
        await ProposeAsync(database, new() { ["acronym"] = "B1" }, address: "198.51.100.3");
        database.Clock.Advance(TimeSpan.FromMinutes(61));
        await ProposeAsync(database, new() { ["acronym"] = "A10" }, address: "198.51.100.2");

        Assert.Null(trapped);
        Assert.Equal(NetworkCorrectionService.MaxProposalsPerHour + 2, (await corrections.ListPendingAsync(coordinator)).Count);
    }

    [Fact]
    public async Task Queue_IsForCoordinatorsOnly()
    {
        var (database, _, corrections) = await SetUpAsync();
        await using var _ = database;
        var expert = await database.CreateUserAsync("Eli Expert", Roles.Expert);

        await Assert.ThrowsAsync<ForbiddenException>(() => corrections.ListPendingAsync(expert));
        await Assert.ThrowsAsync<ForbiddenException>(() => corrections.AcceptAsync(Actor.Anonymous, 1));
    }
}
