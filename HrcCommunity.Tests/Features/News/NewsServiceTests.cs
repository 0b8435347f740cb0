using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.News;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.News;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NewsServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;
    private readonly NewsService _news;
    private readonly SearchService _search;

    public NewsServiceTests(SqliteDatabase database)
    {
        _database = database;
        _news = database.Get<NewsService>();
        _search = database.Get<SearchService>();
    }

    [Fact]
    public async Task Draft_IsHiddenFromThepublic_AndNotSearchable_UntilPublished()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var word = "w" + Guid.NewGuid().ToString("N")[..10];

        var draft = await _news.CreateAsync(coordinator, new NewsEdit($"Trend {word}", "Summary", "Body **text**", ["sdg-11"], Publish: false));

        Assert.Null(await _news.GetAsync(Actor.Anonymous, draft.Slug));
        Assert.NotNull(await _news.GetAsync(coordinator, draft.Slug));
        Assert.Empty((await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);
        Assert.DoesNotContain((await _news.ListPublishedAsync(1)).Posts, p => p.Slug == draft.Slug);

        _database.Clock.Advance(TimeSpan.FromHours(1));
        var published = await _news.UpdateAsync(coordinator, draft.Slug, new NewsEdit($"Trend {word}", "Summary", "Body **text**", ["sdg-11"], Publish: true, draft.Version));

        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, published.PublishedAt);
        Assert.Equal("news", Assert.Single((await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Theme: "sdg-11"))).Hits).Kind);
        Assert.Contains(await _search.LatestPublicAsync(SearchKinds.Feed, 50), e => e.Url == $"/news/{draft.Slug}");

        await _news.UpdateAsync(coordinator, draft.Slug, new NewsEdit($"Trend {word}", "Summary", "Body", [], Publish: false, published.Version));
        Assert.Empty((await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflict()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var post = await _news.CreateAsync(coordinator, new NewsEdit("Stale " + Guid.NewGuid(), "S", "B", [], Publish: true));
        await _news.UpdateAsync(coordinator, post.Slug, new NewsEdit(post.Title, "S2", "B", [], true, post.Version));

        await Assert.ThrowsAsync<ConflictException>(() =>
            _news.UpdateAsync(coordinator, post.Slug, new NewsEdit(post.Title, "S3", "B", [], true, post.Version)));
    }

    [Fact]
    public async Task SameTitleTwice_GetsTwoSlugs()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var title = "Twice " + Guid.NewGuid().ToString("N")[..8];

        var first = await _news.CreateAsync(coordinator, new NewsEdit(title, "S", "B", [], true));
        var second = await _news.CreateAsync(coordinator, new NewsEdit(title, "S", "B", [], true));

        Assert.NotEqual(first.Slug, second.Slug);
    }

    [Fact]
    public async Task Create_RefusesMissingFields_OversizedBody_AndNonCoordinators()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var practitioner = await _database.CreateUserAsync("Pia", Roles.Practitioner);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _news.CreateAsync(coordinator, new NewsEdit("!!!", "", new string('b', NewsPost.BodyMax + 1), ["nope"], true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _news.CreateAsync(practitioner, new NewsEdit("T", "S", "B", [], true)));

        Assert.Equal(["body", "summary", "themes", "title"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Body_RendersRawHtmlAndScriptLinksInert()
    {
        var coordinator = await _database.CreateUserAsync("Cora", Roles.Coordinator);
        var post = await _news.CreateAsync(coordinator, new NewsEdit("Xss " + Guid.NewGuid(), "S",
            "<script>alert(1)</script> [click](javascript:alert(1))", [], true));

        Assert.DoesNotContain("<script>", post.BodyHtml);
        Assert.DoesNotContain("javascript:", post.BodyHtml);
    }

    [Fact]
    public async Task DemoSeed_PublishesPostsAboutTrends()
    {
        await using var demo = await SqliteDatabase.CreateAsync(seedDemoContent: true);
        var page = await demo.Get<NewsService>().ListPublishedAsync(1);
        Assert.InRange(page.Posts.Count, 2, 3);
        Assert.NotEmpty((await demo.Get<SearchService>().SearchAsync(Actor.Anonymous, new SearchRequest("refugees", Kind: "news"))).Hits);
    }
}
