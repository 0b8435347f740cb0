using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Data;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Networks;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NetworkDirectoryTests
{
    [Fact]
    public async Task Facets_CombineWithAndAcrossFacetsAndOrWithinOne()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var marker = await NetworkTestData.ImportFourAsync(database);

        var result = await database.Get<NetworkDirectoryService>().SearchAsync(NetworkTestData.Anonymous,
            new NetworkQuery(Q: marker, Regions: ["europe"], Models: ["open", "fee"]));

        Assert.Equal([$"{marker}-a", $"{marker}-b"], result.Items.Select(i => i.Slug).Order());
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public async Task FacetCounts_ReflectTheOtherActiveFiltersButNotTheirOwn()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var marker = await NetworkTestData.ImportFourAsync(database);

        var result = await database.Get<NetworkDirectoryService>().SearchAsync(NetworkTestData.Anonymous,
            new NetworkQuery(Q: marker, Regions: ["europe"], Models: ["open", "fee"]));
        int Count(string facet, string code) => result.Facets.Single(f => f.Key == facet).Values.FirstOrDefault(v => v.Code == code)?.Count ?? 0;

        // Region counts apply the model filter only: A, B in Europe; C in Africa; D (invitation) is out.
        Assert.Equal(2, Count("region", "europe"));
        Assert.Equal(1, Count("region", "africa"));
        // Model counts apply the region filter only: A open, B fee, D invitation (C is in Africa).
        Assert.Equal(1, Count("model", "open"));
        Assert.Equal(1, Count("model", "fee"));
        Assert.Equal(1, Count("model", "invitation"));
        // Theme and size counts apply both filters: A and B.
        Assert.Equal(2, Count("theme", "sdg-13"));
        Assert.Equal(1, Count("theme", "sdg-5"));
        Assert.Equal(1, Count("size", "under-50"));
        Assert.Equal(1, Count("size", "250-999"));
        Assert.Equal(0, Count("size", "1000-plus"));
        Assert.True(result.Facets.Single(f => f.Key == "region").Values.Single(v => v.Code == "europe").Selected);
    }

    [Fact]
    public async Task Sorting_ByMembersAndFounded_PutsUnknownLast_AndPagingSplitsTheResult()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var marker = await NetworkTestData.ImportFourAsync(database);
        var directory = database.Get<NetworkDirectoryService>();

        var byMembers = await directory.SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker, Sort: "members"));
        var byFounded = await directory.SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker, Sort: "founded"));
        var byName = await directory.SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker, Sort: "name"));
        var page2 = await directory.SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker, Sort: "members", Page: 2, PageSize: 3));
        var beyond = await directory.SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker, Sort: "members", Page: 99, PageSize: 3));

        Assert.Equal(["c", "b", "a", "d"], byMembers.Items.Select(i => i.Slug[^1..]));
        Assert.Equal(["c", "a", "b", "d"], byFounded.Items.Select(i => i.Slug[^1..]));
        Assert.Equal(["a", "b", "c", "d"], byName.Items.Select(i => i.Slug[^1..]));
        Assert.Equal((2, 2, 4), (page2.Page, page2.PageCount, page2.Total));
        Assert.Equal(["d"], page2.Items.Select(i => i.Slug[^1..]));
        Assert.Equal(2, beyond.Page);
    }

    [Fact]
    public async Task Search_FindsNetworksByTheirMissionText_AndOffersRelevanceSorting()
    {
        await using var database = await SqliteDatabase.CreateAsync();

        var result = await database.Get<NetworkDirectoryService>().SearchAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: "writers artists refuge"));

        Assert.Equal("relevance", result.Sort);
        Assert.Contains(result.Items, i => i.Slug == "icorn");
        Assert.DoesNotContain(result.Items, i => i.Slug == "c40-cities");
    }

    [Fact]
    public async Task Contacts_AreLeftOutForAnonymousAndPendingReaders_AndShownToPractitioners()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var marker = await NetworkTestData.ImportFourAsync(database);
        var directory = database.Get<NetworkDirectoryService>();
        var pending = await database.CreateUserAsync("Pat Pending", ApprovalStatus.Pending);
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);

        var anonymous = await directory.GetAsync(NetworkTestData.Anonymous, $"{marker}-a");
        var forPending = await directory.GetAsync(pending, $"{marker}-a");
        var forPractitioner = await directory.GetAsync(practitioner, $"{marker}-a");
        var csv = new StringWriter();
        await database.Get<NetworkCsvService>().WriteAsync(NetworkTestData.Anonymous, new NetworkQuery(Q: marker), csv);

        Assert.Null(anonymous!.Entry.Contacts);
        Assert.Null(forPending!.Entry.Contacts);
        Assert.Equal("Alma Contact alma@example.org", forPractitioner!.Entry.Contacts);
        Assert.DoesNotContain("alma@example.org", csv.ToString());
        Assert.DoesNotContain("contacts", csv.ToString().Split('\n')[0]);
    }

    [Fact]
    public async Task Seed_HoldsEveryNetworkOfTheDirectory_WithValidFacts_AndOurCitiesInTheHumanRightsCitiesNetwork()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var networks = await db.Networks.ToListAsync();

        Assert.Equal(32, networks.Count);
        foreach (var network in networks)
        {
            var values = NetworkFields.ValuesOf(network).ToDictionary(v => v.Key, v => v.Value);
            NetworkFields.Validate(values, database.Clock.GetUtcNow().Year).ThrowIfInvalid();
        }
        Assert.Contains(networks, n => n.Slug == "peace-in-our-cities" && n.MemberCount == 22);
        Assert.Contains(networks, n => n.Slug == "partnership-for-healthy-cities" && n.MembershipModel == "invitation");
        Assert.Contains(networks, n => n.Slug == "mayors-migration-council" && n.MembershipModel == "open");
        Assert.All(networks, n => Assert.Equal("", n.Contacts));
        var hrcn = await database.Get<NetworkDirectoryService>().GetAsync(NetworkTestData.Anonymous, "human-rights-cities-network");
        Assert.Equal(await db.MemberCities.CountAsync(), hrcn!.MemberCities.Count);
        Assert.Contains(await database.Get<NetworkDirectoryService>().NetworksOfCityAsync("vienna"), n => n.Slug == "eurocities");
    }

    [Fact]
    public async Task NetworkPage_ListsTaggedRecords_PractitionersOnlyOnesOnlyToPractitioners()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.SetNetworkTagsAsync("practice", "p-open", "An open practice", "/practices/p-open", true, ["eurocities"]);
            await db.SetNetworkTagsAsync("knowledge", "k-closed", "A practitioners' note", "/knowledge/k-closed", false, ["eurocities", "icorn"]);
            await db.SaveChangesAsync();
        }
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);
        var directory = database.Get<NetworkDirectoryService>();

        var anonymous = await directory.GetAsync(NetworkTestData.Anonymous, "eurocities");
        var forPractitioner = await directory.GetAsync(practitioner, "eurocities");

        Assert.Equal(["An open practice"], anonymous!.Tagged.Select(t => t.Title));
        Assert.Equal(["A practitioners' note", "An open practice"], forPractitioner!.Tagged.Select(t => t.Title).Order());
    }
}
