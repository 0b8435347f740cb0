using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Search;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class SearchServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;
    private readonly SearchService _search;

    public SearchServiceTests(SqliteDatabase database)
    {
        _database = database;
        _search = database.Get<SearchService>();
    }

    [Fact]
    public async Task Anonymous_NeverGetsAPractitionersOnlyHit_NotItsTitleSnippetCountOrSuggestion()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("knowledge", Key(), "/knowledge/secret", $"Confidential {word} guidance",
            "Internal summary", $"Contacts for {word} officers", ["sdg-16"], ContentLayer.Practitioners));
        var pending = await _database.CreateUserAsync("Pending Person", ApprovalStatus.Pending);

        foreach (var actor in new[] { Actor.Anonymous, pending })
        {
            var results = await _search.SearchAsync(actor, new SearchRequest(word));
            Assert.Empty(results.Hits);
            Assert.Equal(0, results.Total);
            Assert.Empty(results.Facets);
            Assert.Empty(await _search.SuggestAsync(actor, "Confidential " + word[..4]));
        }
    }

    [Fact]
    public async Task Practitioner_SeesARecordWithTwoLayersOnce_ThroughItsPractitionersEntry()
    {
        var word = UniqueWord();
        var key = Key();
        await IndexAsync(new SearchDocument("knowledge", key, $"/knowledge/{key}", $"Housing {word}", "Public summary", $"Public text about {word}", []));
        await IndexAsync(new SearchDocument("knowledge", key, $"/knowledge/{key}", $"Housing {word}", "Public summary",
            $"Public text about {word}. Practitioners' details: phone the focal point", [], ContentLayer.Practitioners));
        var practitioner = await _database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);

        var forPractitioner = await _search.SearchAsync(practitioner, new SearchRequest(word));
        var forAnonymous = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word));

        var hit = Assert.Single(forPractitioner.Hits);
        Assert.Equal(ContentLayer.Practitioners, hit.Layer);
        Assert.Equal(1, Assert.Single(forPractitioner.Facets).Count);
        Assert.Equal(ContentLayer.Public, Assert.Single(forAnonymous.Hits).Layer);
        Assert.Single(await _search.SuggestAsync(practitioner, "Housing " + word[..5]));
        Assert.Empty((await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word + " focal"))).Hits);
        Assert.Single((await _search.SearchAsync(practitioner, new SearchRequest(word + " focal"))).Hits);
    }

    [Fact]
    public async Task Ranking_PutsATitleMatchAboveABodyMatch()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("news", Key(), "/news/body", "Unrelated heading", "", $"Somewhere in the text is {word}.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/title", $"All about {word}", "", "Nothing else here.", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word));

        Assert.Equal(["/news/title", "/news/body"], results.Hits.Select(h => h.Url));
    }

    [Fact]
    public async Task Ranking_WeighsEachWordByWhereItIs_AndGoesNewestFirstOnATie()
    {
        var (first, second) = (UniqueWord(), UniqueWord());
        await IndexAsync(new SearchDocument("news", Key(), "/news/body-old", "Heading", "", $"{first} and {second}.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/summary", "Heading", $"On {first}.", $"And {second}.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/one-in-title", $"On {first}", "", $"And {second}.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/both-in-title", $"{first} and {second}", "", "Text.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/body-new", "Heading", "", $"{second} and {first}.", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest($"{first} {second}"));

        Assert.Equal(["/news/both-in-title", "/news/one-in-title", "/news/summary", "/news/body-new", "/news/body-old"],
            results.Hits.Select(h => h.Url));
    }

    [Fact]
    public async Task Snippet_HighlightsTheMatch_AndEscapesTheIndexedText()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("practice", Key(), "/practices/x", "A practice", "",
            $"Before <script>alert('x')</script> <b>bold</b> {word} after \uE000injected\uE001", []));

        var hit = Assert.Single((await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word))).Hits);

        Assert.Contains(hit.Snippet.Parts, p => p.Highlighted && p.Text == word);
        Assert.DoesNotContain(hit.Snippet.Parts, p => p.Highlighted && p.Text.Contains("injected"));
        var html = hit.Snippet.ToHtml();
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains($"<mark>{word}</mark>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task KindAndThemeFilters_Combine_AndFacetsCountEachKindUnderTheTheme()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("link", Key(), "/links#a", $"{word} one", "", "", ["sdg-16"]));
        await IndexAsync(new SearchDocument("link", Key(), "/links#b", $"{word} two", "", "", ["sdg-11"]));
        await IndexAsync(new SearchDocument("news", Key(), "/news/c", $"{word} three", "", "", ["sdg-16", "sdg-11"]));

        var both = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "link", Theme: "sdg-16"));
        var themeOnly = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Theme: "sdg-16"));
        var kindOnly = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "link"));

        Assert.Equal(["/links#a"], both.Hits.Select(h => h.Url));
        Assert.Equal(1, both.Total);
        Assert.Equal(2, themeOnly.Total);
        Assert.Equal([new KindFacet("link", 1), new KindFacet("news", 1)], themeOnly.Facets);
        Assert.Equal(2, kindOnly.Total);
        Assert.Equal([new KindFacet("link", 2), new KindFacet("news", 1)], kindOnly.Facets);
    }

    [Fact]
    public async Task Paging_ReturnsTwentyAPage_AndTheRestOnTheNext()
    {
        var word = UniqueWord();
        for (var i = 0; i < 25; i++)
            await IndexAsync(new SearchDocument("news", Key(), $"/news/p{i}", $"{word} post {i}", "", "", []));

        var first = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word));
        var second = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Page: 2));
        var beyond = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Page: 99));

        Assert.Equal((20, 25, 2), (first.Hits.Count, first.Total, first.PageCount));
        Assert.Equal(5, second.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Url).Intersect(second.Hits.Select(h => h.Url)));
        Assert.Equal(2, beyond.Page);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("title:* OR NEAR(a b")]
    [InlineData("AND OR NOT")]
    [InlineData("{Title Body} : ^rights")]
    [InlineData("rights*\"(")]
    public async Task Fts5Syntax_IsSearchedAsWords_NeverThrows(string query)
    {
        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(query));
        await _search.SuggestAsync(Actor.Anonymous, query);
        Assert.NotNull(results);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*():^-+ !?…")]
    public async Task InputWithoutWords_SaysThereIsNothingToSearchFor(string query)
    {
        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(query));

        Assert.True(results.NothingToSearch);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task AHugeQuery_IsCutDown_AndStillFindsItsFirstWords()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("page", Key(), "/huge", $"{word} page", "", "", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word + " " + new string('x', 10_000)));
        var onlyWord = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word + new string(' ', 10_000)));

        Assert.False(results.NothingToSearch);
        Assert.True(results.Query.Length <= FtsQuery.MaxInputLength);
        Assert.Single(onlyWord.Hits);
    }

    [Fact]
    public async Task UnknownKindOrTheme_IsIgnored_RatherThanMatchingNothing()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("page", Key(), "/x", $"{word} page", "", "", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "'; DROP TABLE x", Theme: "no-such-theme"));

        Assert.Single(results.Hits);
        Assert.Null(results.Kind);
        Assert.Null(results.Theme);
    }

    [Fact]
    public async Task Suggestions_MatchTitlePrefixesOnly()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("member", Key(), "/members/cities/t", $"Town of {word}", "", "", []));
        await IndexAsync(new SearchDocument("member", Key(), "/members/cities/u", "Other town", "", $"Body mentions {word}", []));

        var suggestions = await _search.SuggestAsync(Actor.Anonymous, word[..5]);

        Assert.Equal(["/members/cities/t"], suggestions.Select(s => s.Url));
        Assert.Empty(await _search.SuggestAsync(Actor.Anonymous, "t"));
    }

    [Fact]
    public async Task Ranking_ReadsTitlesAsTheIndexDoes_IgnoringCaseAndAccents_AndOnlyWholeWords()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("news", Key(), "/news/zurich-title", "Notes from ZÜRICH", "", $"About {word}.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/zurichsee", "Zurichsee walks", "", $"About {word} near Zurich.", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest($"{word} zurich"));

        Assert.Equal(["/news/zurich-title", "/news/zurichsee"], results.Hits.Select(h => h.Url));
    }

    [Fact]
    public async Task TheNameOfAKind_IsSearchedAsAWord_NotAsEveryEntryOfThatKind()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("practice", Key(), "/practices/quiet", $"About {word}", "", "Nothing more.", []));
        await IndexAsync(new SearchDocument("news", Key(), "/news/says-practice", $"On {word}", "", "A practice worth sharing.", []));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest($"{word} practice"));

        Assert.Equal(["/news/says-practice"], results.Hits.Select(h => h.Url));
    }

    [Fact]
    public async Task ATypedThemeCode_FindsWhatIsTaggedWithIt()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("news", Key(), "/news/tagged", $"About {word}", "", "Text.", ["sdg-16"]));
        await IndexAsync(new SearchDocument("news", Key(), "/news/untagged", $"On {word}", "", "Text.", ["sdg-11"]));

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest($"{word} sdg16"));

        Assert.Equal(["/news/tagged"], results.Hits.Select(h => h.Url));
    }

    [Fact]
    public async Task Suggestions_PutTheShortestTitleFirst()
    {
        var word = UniqueWord();
        await IndexAsync(new SearchDocument("knowledge", Key(), "/knowledge/long", $"{word} in practice across many cities", "", "", []));
        await IndexAsync(new SearchDocument("knowledge", Key(), "/knowledge/short", $"{word} guide", "", "", []));

        var suggestions = await _search.SuggestAsync(Actor.Anonymous, word);

        Assert.Equal(["/knowledge/short", "/knowledge/long"], suggestions.Select(s => s.Url));
    }

    [Fact]
    public async Task SeededMembersAndLinks_AreSearchable()
    {
        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest("wallenberg"));

        Assert.Contains(results.Facets, f => f.Kind == "member");
        Assert.Contains(results.Facets, f => f.Kind == "link");
    }

    [Fact]
    public async Task AWordInMoreEntriesThanTheCap_CountsAsAtLeastTheCap_AndStillRanksATitleMatchAmongTheNewestFirst()
    {
        var word = UniqueWord();
        await using (var db = _database.CreateDbContext())
        {
            for (var i = 0; i < SearchService.CountCap + 200; i++)
                await db.IndexAsync(new SearchDocument("news", Key(), $"/news/c{i}", $"Post {i}", "", $"The text mentions {word}.", []), _database.Clock);
            await db.SaveChangesAsync();
            await db.IndexAsync(new SearchDocument("news", Key(), "/news/about", $"All about {word}", "", "Short.", []), _database.Clock);
            await db.SaveChangesAsync();
        }

        var results = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word));
        var last = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Page: 999));

        Assert.True(results.CountsAreAtLeast);
        Assert.True(results.TotalIsAtLeast);
        Assert.Equal(SearchService.CountCap, results.Total);
        Assert.Equal("/news/about", results.Hits[0].Url);
        Assert.Equal(SearchService.CountCap / SearchService.PageSize, last.Page);
        Assert.Equal(SearchService.PageSize, last.Hits.Count);
    }

    [Fact]
    public async Task AKindFilter_FindsEveryMatchOfARareKind_EvenPastTheCountCapOfAllKinds()
    {
        var word = UniqueWord();
        // The answers are older than every news post, so the newest matches of all kinds hold none of them.
        await using (var db = _database.CreateDbContext())
        {
            for (var i = 0; i < 25; i++)
                await db.IndexAsync(new SearchDocument("answer", Key(), $"/answers/k{i}", $"Answer {i}", "", $"About {word}.", []), _database.Clock);
            await db.SaveChangesAsync();
            for (var i = 0; i < SearchService.CountCap + 100; i++)
                await db.IndexAsync(new SearchDocument("news", Key(), $"/news/k{i}", $"Post {i}", "", $"About {word}.", []), _database.Clock);
            await db.SaveChangesAsync();
        }

        var answers = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "answer"));
        var secondPage = await _search.SearchAsync(Actor.Anonymous, new SearchRequest(word, Kind: "answer", Page: 2));

        Assert.Equal(25, answers.Total);
        Assert.True(answers.CountsAreAtLeast);
        Assert.False(answers.TotalIsAtLeast);
        Assert.Equal(2, answers.PageCount);
        Assert.Equal(20, answers.Hits.Count);
        Assert.Equal(5, secondPage.Hits.Count);
        Assert.All(answers.Hits, h => Assert.Equal("answer", h.Kind));
    }

    private async Task IndexAsync(SearchDocument document)
    {
        await using var db = _database.CreateDbContext();
        await db.IndexAsync(document, _database.Clock);
        await db.SaveChangesAsync();
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>A word no other test or seed contains, so each test sees only its own entries.</summary>
    private static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..10];
}
