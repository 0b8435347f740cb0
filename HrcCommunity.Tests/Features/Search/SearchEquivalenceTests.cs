using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Search;

/// <summary>
/// The same content on SQLite (FTS5) and PostgreSQL (tsvector): every search the site offers answers with the same
/// entries in the same order on both, for the words, phrases, prefixes, diacritics and filters people use.
/// </summary>
public sealed class SearchEquivalenceTests : IAsyncLifetime
{
    private static readonly SearchDocument[] Corpus =
    [
        new("knowledge", "zurich-housing", "/knowledge/zurich-housing", "Zürich housing charter", "Rights-based housing in a Swiss city",
            "The city's e-mail hotline (www.example.org) answers tenants within 2 days.", ["sdg-11"]),
        new("practice", "graz-housing", "/practices/graz-housing", "Graz tenants' council", "How Zurich inspired a housing council",
            "A practice on housing rights, see housing-first.eu for the 2030 agenda.", ["sdg-11", "sdg-16"]),
        new("news", "housing-news", "/news/housing-news", "News from the network", "", "Housing ministers met in Zurich about rights.", ["sdg-16"]),
        new("news", "rights-week", "/news/rights-week", "Human rights week", "Ten cities, one week", "Workshops on participation and housing.", ["sdg-16"]),
        new("link", "ohchr", "/links/ohchr", "OHCHR local government", "Human rights cities resources", "Guidance for mayors.", []),
        new("knowledge", "secret-housing", "/knowledge/secret-housing", "Housing focal points", "Practitioners only",
            "Phone numbers of the housing focal points in Zürich and Graz.", ["sdg-11"], ContentLayer.Practitioners),
        new("knowledge", "zurich-housing", "/knowledge/zurich-housing", "Zürich housing charter", "Rights-based housing in a Swiss city",
            "The city's e-mail hotline answers tenants; practitioners call the focal point.", ["sdg-11"], ContentLayer.Practitioners),
        new("page", "participation", "/participation", "Participation toolkit", "Équipe and citizens", "Straßenfest, café and naïve questions.", ["sdg-16"]),
    ];

    private static readonly string[] Queries =
    [
        "housing", "Housing rights", "zurich", "Zürich", "ZURICH housing", "rights", "human rights", "\"human rights\"", "city's",
        "e-mail", "mail", "example", "www.example.org", "2030", "sdg16", "sdg-11", "equipe", "cafe", "naïve", "focal point",
        "participation housing", "tenants", "kindpractice", "council", "Graz", "nothing-matches-this", "network", "city",
    ];

    private static readonly string[] Prefixes = ["hou", "zur", "Zür", "human ri", "hu", "partic", "gr", "ohc"];

    private SqliteDatabase _sqlite = null!;
    private SqliteDatabase _postgres = null!;

    public async Task InitializeAsync()
    {
        _sqlite = await SeedAsync(DatabaseProvider.Sqlite);
        _postgres = await SeedAsync(DatabaseProvider.PostgreSql);
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Search_AnswersTheSameKeysInTheSameOrder_OnBothProviders()
    {
        var answers = 0;
        foreach (var (sqliteActor, postgresActor) in await ActorsAsync())
        foreach (var query in Queries)
        foreach (var (kind, theme) in new (string?, string?)[] { (null, null), ("knowledge", null), (null, "sdg-16"), ("news", "sdg-16") })
        {
            var request = new SearchRequest(query, kind, theme);
            var expected = Summary(await _sqlite.Get<SearchService>().SearchAsync(sqliteActor, request));
            var actual = Summary(await _postgres.Get<SearchService>().SearchAsync(postgresActor, request));
            Assert.True(expected == actual, $"\"{query}\" (kind {kind}, theme {theme}, {(sqliteActor.IsApproved ? "practitioner" : "anonymous")}):\nSQLite:     {expected}\nPostgreSQL: {actual}");
            if (expected.Contains('/')) answers++;
        }
        // Most of these searches find something, so the comparison is not between empty lists.
        Assert.True(answers > 50, $"Only {answers} searches found anything.");
    }

    [Fact]
    public async Task Suggestions_AreTheSameTitlesInTheSameOrder_OnBothProviders()
    {
        foreach (var (sqliteActor, postgresActor) in await ActorsAsync())
        foreach (var prefix in Prefixes)
        {
            var expected = Titles(await _sqlite.Get<SearchService>().SuggestAsync(sqliteActor, prefix));
            var actual = Titles(await _postgres.Get<SearchService>().SuggestAsync(postgresActor, prefix));
            Assert.True(expected == actual, $"\"{prefix}\":\nSQLite:     {expected}\nPostgreSQL: {actual}");
        }
        Assert.NotEmpty(await _postgres.Get<SearchService>().SuggestAsync(Actor.Anonymous, "Zür"));
    }

    [Fact]
    public async Task NetworkDirectorySearch_RanksTheSameNetworks_OnBothProviders()
    {
        foreach (var query in new[] { "human rights", "cities", "europe", "climate", "mayors", "network" })
        {
            var expected = string.Join(", ", (await _sqlite.Get<NetworkDirectoryService>().SearchAsync(Actor.Anonymous, new NetworkQuery(query))).Items.Select(n => n.Slug));
            var actual = string.Join(", ", (await _postgres.Get<NetworkDirectoryService>().SearchAsync(Actor.Anonymous, new NetworkQuery(query))).Items.Select(n => n.Slug));
            Assert.True(expected == actual, $"\"{query}\":\nSQLite:     {expected}\nPostgreSQL: {actual}");
        }
    }

    private static async Task<SqliteDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await SqliteDatabase.CreateAsync(seedDemoContent: true, provider);
        foreach (var document in Corpus)
        {
            await using var db = database.CreateDbContext();
            await db.IndexAsync(document, database.Clock);
            await db.SaveChangesAsync();
            database.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return database;
    }

    private async Task<List<(Actor, Actor)>> ActorsAsync() =>
    [
        (Actor.Anonymous, Actor.Anonymous),
        (await _sqlite.CreateUserAsync("Pia Practitioner", Roles.Practitioner), await _postgres.CreateUserAsync("Pia Practitioner", Roles.Practitioner)),
    ];

    private static string Summary(SearchResults results) =>
        $"{results.Total} [{string.Join(" ", results.Facets.Select(f => $"{f.Kind}:{f.Count}"))}] " +
        string.Join(", ", results.Hits.Select(h => $"{h.Kind}/{h.Key}/{h.Layer}"));

    private static string Titles(IReadOnlyList<SearchSuggestion> suggestions) => string.Join(" | ", suggestions.Select(s => $"{s.Kind}:{s.Title}"));
}
