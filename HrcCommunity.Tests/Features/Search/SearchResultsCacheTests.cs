using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Search;

namespace HrcCommunity.Tests.Features.Search;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class SearchResultsCacheTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;
    private readonly SearchResultsCache _cache;

    public SearchResultsCacheTests(SqliteDatabase database)
    {
        _database = database;
        _cache = new SearchResultsCache(database.Get<SearchService>(), database.Get<SearchIndexVersion>());
    }

    [Fact]
    public async Task AChangeToTheIndex_IsSeenByTheVerySearchThatWasCachedBeforeIt()
    {
        var word = "c" + Guid.NewGuid().ToString("N")[..10];
        Assert.Empty((await _cache.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);

        await IndexAsync(new SearchDocument("news", word, "/news/fresh", $"Fresh {word}", "", "", []));

        Assert.Single((await _cache.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);
    }

    [Fact]
    public async Task APractitionersPageInTheCache_IsNeverServedToThePublic()
    {
        var word = "c" + Guid.NewGuid().ToString("N")[..10];
        var practitioner = await _database.CreateUserAsync("Cache Reader", Roles.Practitioner);
        await IndexAsync(new SearchDocument("knowledge", word, "/knowledge/x", $"Internal {word}", "", "", [], ContentLayer.Practitioners));

        var theirs = await _cache.SearchAsync(practitioner, new SearchRequest(word));
        var publicPage = await _cache.SearchAsync(Actor.Anonymous, new SearchRequest(word));

        Assert.Single(theirs.Hits);
        Assert.Empty(publicPage.Hits);
        Assert.Equal(0, publicPage.Total);
    }

    [Fact]
    public async Task ARepeatedSearch_IsAnsweredFromTheCache()
    {
        var word = "c" + Guid.NewGuid().ToString("N")[..10];
        await IndexAsync(new SearchDocument("news", word, "/news/kept", $"Kept {word}", "", "", []));

        var first = await _cache.SearchAsync(Actor.Anonymous, new SearchRequest(word));
        var second = await _cache.SearchAsync(Actor.Anonymous, new SearchRequest(word));

        Assert.Same(first, second);
    }

    private async Task IndexAsync(SearchDocument document)
    {
        await using var db = _database.CreateDbContext();
        await db.IndexAsync(document, _database.Clock);
        await db.SaveChangesAsync();
    }
}
