using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Features.Search;

[Collection(AppCollection.Name)]
public sealed class SearchEndpointTests(AppHost app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Api_GivesAnonymousOnlyPublicHits_AndPractitionersBothLayers()
    {
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        await IndexAsync(new SearchDocument("knowledge", Guid.NewGuid().ToString("N"), "/knowledge/private", $"Secret {word} title", "", "", [], ContentLayer.Practitioners));
        await IndexAsync(new SearchDocument("news", Guid.NewGuid().ToString("N"), "/news/open", $"Open {word} title", "", $"<img src=x onerror=alert(1)> {word}", []));

        var anonymous = await GetJsonAsync(Persona.Anonymous, $"/api/search?q={word}");
        var practitioner = await GetJsonAsync(Persona.Practitioner, $"/api/search?q={word}");
        var suggestions = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync($"/api/search/suggestions?q=Secret+{word[..6]}");

        Assert.Equal(1, anonymous.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Secret", anonymous.GetRawText());
        Assert.DoesNotContain("Secret", suggestions);
        Assert.Contains("&lt;img", anonymous.GetProperty("hits")[0].GetProperty("snippetHtml").GetString());
        Assert.Equal(2, practitioner.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("%22%2A%28%29%3A%5E")]
    [InlineData("NEAR%28a+b")]
    public async Task Api_AnswersBadInputWithoutAnError(string query)
    {
        var client = await app.ClientAsync(Persona.Anonymous);
        var response = await client.GetAsync($"/api/search?q={query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SearchPage_WithAHugeQuery_AnswersOk()
    {
        var client = await app.ClientAsync(Persona.Anonymous);
        var response = await client.GetAsync("/search?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SearchPage_WithOnlyPunctuation_SaysThereIsNothingToSearchFor()
    {
        var client = await app.ClientAsync(Persona.Anonymous);
        var html = await client.GetStringAsync("/search?q=%22%2A%28%29%3A%5E");
        Assert.Contains("There is nothing to search for", html);
    }

    [Fact]
    public async Task Feed_IsWellFormedAtom_WithPublicEntriesOnly_AndAbsoluteLinks()
    {
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        await IndexAsync(new SearchDocument("knowledge", Guid.NewGuid().ToString("N"), "/knowledge/hidden", $"Hidden {word}", "", "", [], ContentLayer.Practitioners));
        await IndexAsync(new SearchDocument("news", Guid.NewGuid().ToString("N"), "/news/visible", $"Visible {word} & <friends>", "Summary", "", []));
        await IndexAsync(new SearchDocument("link", Guid.NewGuid().ToString("N"), "/links#x", $"Not in feed {word}", "", "", []));

        var response = await (await app.ClientAsync(Persona.Anonymous)).GetAsync("/feed.atom");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(xml);
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(Atom + "id"));
        Assert.NotNull(feed.Root.Element(Atom + "updated"));
        var titles = feed.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains($"Visible {word} & <friends>", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Hidden") || t.Contains("Not in feed"));
        Assert.All(feed.Root.Elements(Atom + "entry"), e =>
        {
            Assert.NotNull(e.Element(Atom + "id"));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.StartsWith(PublicBaseUrl + "/", e.Element(Atom + "link")!.Attribute("href")!.Value);
        });
    }

    [Fact]
    public async Task Feed_BuildsItsLinksFromThePublicBaseUrl_NotFromAForgedHostHeader()
    {
        await IndexAsync(new SearchDocument("news", Guid.NewGuid().ToString("N"), "/news/forged-host", "Forged host check", "", "", []));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        request.Headers.Host = "evil.example";

        var xml = await (await app.NewClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", xml);
        var hrefs = XDocument.Parse(xml).Descendants(Atom + "link").Select(l => l.Attribute("href")!.Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(PublicBaseUrl + "/", href));
    }

    private string PublicBaseUrl => app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PublicBaseUrl.TrimEnd('/');

    [Fact]
    public async Task Feed_AnswersNotModified_WhenTheETagStillMatches()
    {
        var client = await app.ClientAsync(Persona.Anonymous);
        var first = await client.GetAsync("/feed.atom");
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(Persona persona, string path)
    {
        var client = await app.ClientAsync(persona);
        return JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;
    }

    private async Task IndexAsync(SearchDocument document)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        await db.IndexAsync(document, app.Services.GetRequiredService<TimeProvider>());
        await db.SaveChangesAsync();
    }
}
