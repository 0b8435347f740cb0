using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Networks;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NetworkImportTests
{
    [Fact]
    public async Task Import_WithAnyBadRow_WritesNothing_AndReportsEachProblemByRowAndColumn()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var m = NetworkTestData.Marker();

        var report = await database.Get<NetworkCsvService>().ImportAsync(admin, NetworkTestData.Csv(
            NetworkTestData.Header,
            $"{m}-good,Good {m},Fine,10,open,1990,europe,sdg-13,https://good.example.org,",
            $"{m}-neg,Negative,x,-3,open,1990,europe,sdg-13,,",
            $"{m}-future,Future,x,10,open,2999,europe,sdg-13,,",
            $"{m}-url,Bad URL,x,10,open,1990,europe,sdg-13,javascript:alert(1),",
            $"{m}-theme,Bad theme,x,10,open,1990,mars,sdg-99,,",
            $"{m}-good,Twice,x,10,open,1990,europe,sdg-13,,",
            $"Not A Slug,Bad slug,x,10,open,1990,europe,sdg-13,,",
            $"{m}-short,Too few fields"));

        Assert.False(report.Applied);
        var problems = report.Problems.Select(p => (p.Row, p.Column)).ToList();
        Assert.Contains((3, "member_count"), problems);
        Assert.Contains((4, "founded"), problems);
        Assert.Contains((5, "website"), problems);
        Assert.Contains((6, "regions"), problems);
        Assert.Contains((6, "themes"), problems);
        Assert.Contains((7, "slug"), problems);
        Assert.Contains((8, "slug"), problems);
        Assert.Contains((9, ""), problems);
        Assert.Contains("first on row 2", report.Problems.Single(p => p.Row == 7).Message);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Networks.AnyAsync(n => n.Slug.StartsWith(m)));
    }

    [Fact]
    public async Task Import_WithUnknownColumnsOrBrokenQuoting_IsRejectedWithTheRowOfTheProblem()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var csv = database.Get<NetworkCsvService>();

        var unknownColumn = await csv.ImportAsync(admin, NetworkTestData.Csv("slug,name,colour", "a-net,A,blue"));
        var brokenQuotes = await csv.ImportAsync(admin, NetworkTestData.Csv("slug,name,summary", "a-net,A,fine", "b-net,B,\"never \"closed", "c-net,C,x"));
        var empty = await csv.ImportAsync(admin, NetworkTestData.Csv(""));

        Assert.Equal((1, "colour"), (unknownColumn.Problems.Single().Row, unknownColumn.Problems.Single().Column));
        Assert.False(brokenQuotes.Applied);
        Assert.Contains(brokenQuotes.Problems, p => p.Row == 3);
        Assert.False(empty.Applied);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Networks.AnyAsync(n => n.Slug == "a-net"));
    }

    [Fact]
    public async Task Import_OfAValidFile_CreatesAndUpdatesInOneGo_WithHistory()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var m = NetworkTestData.Marker();

        var report = await database.Get<NetworkCsvService>().ImportAsync(admin, NetworkTestData.Csv(
            "slug,name,member_count,themes",
            $"{m}-new,New network {m},12,sdg-11",
            "eurocities,Eurocities,210,sdg-11 sdg-10 city-inclusive right-participation",
            "icorn,International Cities of Refuge Network,84,right-freedom-of-expression city-shelter right-migrants-and-refugees"));

        Assert.Equal((true, 1, 1, 1), (report.Applied, report.Created, report.Updated, report.Unchanged));
        var directory = database.Get<NetworkDirectoryService>();
        var eurocities = await directory.GetAsync(Actor.Anonymous, "eurocities");
        Assert.Equal(210, eurocities!.Entry.MemberCount);
        Assert.Equal("imported", eurocities.History[0].Kind);
        Assert.Equal(["member_count"], eurocities.History[0].Fields);
        var created = await directory.GetAsync(Actor.Anonymous, $"{m}-new");
        Assert.Equal("created", created!.History.Single().Kind);
        Assert.Contains((await directory.SearchAsync(Actor.Anonymous, new NetworkQuery(Q: m))).Items, i => i.Slug == $"{m}-new");
    }

    [Fact]
    public async Task Export_EscapesTextThatASpreadsheetWouldRunAsAFormula()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var m = NetworkTestData.Marker();
        await database.Get<NetworkCsvService>().ImportAsync(admin, NetworkTestData.Csv("slug,name,summary", $"{m}-f,Formula {m},=1+2"));
        var csv = new StringWriter();

        await database.Get<NetworkCsvService>().WriteAsync(Actor.Anonymous, new NetworkQuery(Q: m), csv);

        Assert.DoesNotContain(",=1+2", csv.ToString());
        Assert.Contains("'=1+2", csv.ToString());
    }

    [Fact]
    public async Task Import_IsForAdminsOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            database.Get<NetworkCsvService>().ImportAsync(coordinator, NetworkTestData.Csv("slug,name", "x-net,X")));
    }
}
