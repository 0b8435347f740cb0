using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Networks;

/// <summary>The demo seed gives Eurocities a (fictional) contact person: it must reach practitioners only.</summary>
[Collection(AppCollection.Name)]
public sealed class NetworkOpenDataTests(AppHost app)
{
    private const string DemoContactEmail = "bruno.sample@example.org";

    [Theory]
    [InlineData("/directory/eurocities")]
    [InlineData("/api/networks/eurocities")]
    [InlineData("/api/networks?q=eurocities")]
    [InlineData("/directory/export.csv")]
    public async Task Contacts_AreHiddenFromAnonymousAndPendingUsers_AndShownToPractitioners(string path)
    {
        var anonymous = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync(path);
        var pending = await (await app.ClientAsync(Persona.Pending)).GetStringAsync(path);
        var practitioner = await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync(path);

        Assert.DoesNotContain(DemoContactEmail, anonymous);
        Assert.DoesNotContain(DemoContactEmail, pending);
        Assert.Contains(DemoContactEmail, practitioner);
    }

    [Fact]
    public async Task Api_AnswersNotModified_WhenTheETagStillMatches_AndANewETagForAnotherView()
    {
        var client = await app.ClientAsync(Persona.Anonymous);

        var first = await client.GetAsync("/api/networks?region=europe&sort=members");
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/networks?region=europe&sort=members");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);
        var other = await client.GetAsync("/api/networks?region=africa");
        var practitioner = await (await app.ClientAsync(Persona.Practitioner)).GetAsync("/api/networks?region=europe&sort=members");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(etag, other.Headers.ETag);
        Assert.NotEqual(etag, practitioner.Headers.ETag);
    }

    [Fact]
    public async Task Api_PagesAndFiltersLikeThePage_AndAnswers404ForAnUnknownSlug()
    {
        var client = await app.ClientAsync(Persona.Anonymous);

        using var page2 = JsonDocument.Parse(await client.GetStringAsync("/api/networks?pageSize=10&page=2&sort=name"));
        using var europe = JsonDocument.Parse(await client.GetStringAsync("/api/networks?region=europe&model=commitment"));
        var missing = await client.GetAsync("/api/networks/no-such-network");

        Assert.Equal(2, page2.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(10, page2.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(page2.RootElement.GetProperty("total").GetInt32() >= 32);
        Assert.Contains(europe.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == "human-rights-cities-network");
        Assert.All(europe.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal("commitment", i.GetProperty("membershipModel").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DirectoryPage_WithoutJavaScript_KeepsTheFiltersInTheFormAndPagerLinks()
    {
        var html = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync("/directory?region=europe&sort=name&pageSize=5");

        Assert.Contains("method=\"get\"", html);
        Assert.Matches("id=\"facet-region-europe\"[^>]*checked", html);
        Assert.Contains("href=\"/directory?region=europe&amp;sort=name&amp;page=2&amp;pageSize=5\"", html);
        Assert.Contains("/directory/export.csv?region=europe&amp;sort=name&amp;pageSize=5", html);
    }
}
