using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Networks;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NetworkEditingTests
{
    [Fact]
    public async Task Update_SavesFieldsAndOurMemberCities_RecordsThemInHistory_AndRefusesAStaleVersion()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var editing = database.Get<NetworkEditingService>();
        var edit = await editing.GetForEditAsync(coordinator, "icorn");
        var values = edit!.Values.ToDictionary();
        values["country_count"] = "20";

        var version = await editing.UpdateAsync(coordinator, "icorn", values, ["lund"], edit.Version);
        var stale = await Assert.ThrowsAsync<ConflictException>(() => editing.UpdateAsync(coordinator, "icorn", values, [], edit.Version));

        var page = await database.Get<NetworkDirectoryService>().GetAsync(Actor.Anonymous, "icorn");
        Assert.Equal(edit.Version + 1, version);
        Assert.Equal(20, page!.Entry.CountryCount);
        Assert.Equal(["lund"], page.MemberCities.Select(c => c.Slug));
        Assert.Equal(["country_count", NetworkFields.MemberCitiesKey], page.History[0].Fields);
        Assert.Contains("changed this entry while you were editing", stale.Message);
        Assert.Contains(await database.Get<NetworkDirectoryService>().NetworksOfCityAsync("lund"), n => n.Slug == "icorn");
    }

    [Fact]
    public async Task Delete_TakesTheEntryOutOfTheDirectoryAndSearch_ButKeepsItsHistory()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var directory = database.Get<NetworkDirectoryService>();
        var edit = await database.Get<NetworkEditingService>().GetForEditAsync(coordinator, "icorn");

        await database.Get<NetworkEditingService>().DeleteAsync(coordinator, "icorn", edit!.Version);

        Assert.Null(await directory.GetAsync(Actor.Anonymous, "icorn"));
        Assert.Empty((await directory.SearchAsync(Actor.Anonymous, new NetworkQuery(Q: "ICORN refuge"))).Items);
        await using var db = database.CreateDbContext();
        Assert.Equal(["deleted", "created"], db.NetworkChanges.Where(c => db.Networks.Any(n => n.Id == c.NetworkId && n.Slug == "icorn"))
            .OrderByDescending(c => c.Version).Select(c => c.Kind).ToList());
        Assert.False(db.SearchEntries.Any(e => e.Kind == "network" && e.Key == "icorn"));
    }

    [Fact]
    public async Task Editing_IsForCoordinatorsOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => database.Get<NetworkEditingService>().GetForEditAsync(practitioner, "icorn"));
        await Assert.ThrowsAsync<ForbiddenException>(() => database.Get<NetworkEditingService>().DeleteAsync(practitioner, "icorn", 1));
    }
}
