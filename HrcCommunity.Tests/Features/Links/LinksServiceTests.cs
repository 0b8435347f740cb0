using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Links;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Links;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class LinksServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;
    private readonly LinksService _links;

    public LinksServiceTests(SqliteDatabase database)
    {
        _database = database;
        _links = database.Get<LinksService>();
    }

    [Fact]
    public async Task Seed_HoldsTheWholeCatalogue_InItsNineCategories()
    {
        var categories = await _links.ListAsync();

        Assert.Equal(LinkCategories.All.Select(c => c.Code), categories.Select(c => c.Code));
        var counts = categories.ToDictionary(c => c.Code, c => c.Links.Count);
        Assert.True(counts["hrc-initiatives"] >= 7);
        Assert.True(counts["local-governments"] >= 5);
        Assert.True(counts["un-2030-agenda"] >= 3);
        Assert.True(counts["sdgs-local"] >= 11);
        Assert.True(counts["thematic-cities"] >= 54);
        Assert.True(counts["sdgs-human-rights"] >= 3);
        Assert.True(counts["sdg-16"] >= 9);
        Assert.True(counts["sdgs-peace"] >= 3);
        Assert.True(counts["refugees-migrants"] >= 3);
        Assert.All(categories.SelectMany(c => c.Links), l => Assert.True(l.Url is null || SafeUrl.IsSafeAbsolute(l.Url)));
    }

    [Fact]
    public async Task SeededLinks_AreSearchableAsLinks()
    {
        var results = await _database.Get<SearchService>().SearchAsync(Actor.Anonymous, new SearchRequest("Cittaslow slow", Kind: "link"));
        Assert.Contains(results.Hits, h => h.Title == "Slow City");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.org")]
    [InlineData("www.example.org")]
    public async Task Create_RefusesAnAddressThatIsNotHttp(string url)
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var title = "Bad " + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _links.CreateAsync(coordinator, new LinkEdit("sdg-16", title, url, "", [])));

        Assert.Contains("url", error.Errors.Keys);
        Assert.DoesNotContain((await _links.ListAsync()).SelectMany(c => c.Links), l => l.Title == title);
    }

    [Fact]
    public async Task Create_RefusesEmptyTitle_LongText_UnknownCategoryAndThemes_AllAtOnce()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _links.CreateAsync(coordinator,
            new LinkEdit("no-such-category", " ", "https://example.org/" + new string('a', 600), new string('d', 601), ["not-a-theme"])));

        Assert.Equal(["category", "description", "themes", "title", "url"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task OnlyCoordinators_EditLinks()
    {
        var practitioner = await _database.CreateUserAsync("Pia", Roles.Practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => _links.CreateAsync(practitioner, new LinkEdit("sdg-16", "X", null, "", [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => _links.CreateAsync(Actor.Anonymous, new LinkEdit("sdg-16", "X", null, "", [])));
    }

    [Fact]
    public async Task CreateEditMoveDelete_KeepListAndSearchInStep()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        var search = _database.Get<SearchService>();

        var created = await _links.CreateAsync(coordinator, new LinkEdit("sdgs-peace", $"Peace {word}", "https://peace.example.org", "Desc", ["city-peace"]));
        var category = (await _links.ListAsync()).Single(c => c.Code == "sdgs-peace");
        Assert.Equal(created.Id, category.Links[^1].Id);
        Assert.Single((await search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "link", Theme: "city-peace"))).Hits);

        await _links.MoveAsync(coordinator, created.Id, -1);
        category = (await _links.ListAsync()).Single(c => c.Code == "sdgs-peace");
        Assert.Equal(created.Id, category.Links[^2].Id);

        await _links.UpdateAsync(coordinator, created.Id, new LinkEdit("refugees-migrants", $"Moved {word}", null, "Desc", []));
        var moved = (await _links.ListAsync()).Single(c => c.Code == "refugees-migrants").Links[^1];
        Assert.Equal((created.Id, (string?)null), (moved.Id, moved.Url));
        Assert.Equal($"Moved {word}", Assert.Single((await search.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits).Title);

        await _links.DeleteAsync(coordinator, created.Id);
        Assert.Null(await _links.GetAsync(created.Id));
        Assert.Empty((await search.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);
    }
}
