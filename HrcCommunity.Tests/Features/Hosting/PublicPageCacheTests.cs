using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Links;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Hosting;

/// <summary>
/// Anonymous visitors' reading pages are answered from memory (the output cache marks a stored answer with an Age
/// header), never after the data changed, and never for someone signed in.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PublicPageCacheTests(AppHost app)
{
    private static readonly Actor Coordinator = new("cache-coordinator", "Cora Coordinator", new HashSet<string> { Roles.Coordinator }, IsApproved: true);

    [Fact]
    public async Task AnAnonymousReadingPage_IsAnsweredFromMemory_UntilAWriteChangesTheData_AndThenShowsTheChange()
    {
        var client = app.NewClient();
        var path = $"/links?cache-test={Guid.NewGuid():N}";
        await client.GetAsync(path);
        var cached = await client.GetAsync(path);
        Assert.True(cached.Headers.Age.HasValue, "the second visit was rendered again");

        var title = $"Cache test link {Guid.NewGuid():N}";
        await app.Services.GetRequiredService<LinksService>().CreateAsync(Coordinator,
            new LinkEdit(LinkCategories.All[0].Code, title, "https://example.org/cache-test", "A link that proves the page is fresh.", []));
        var afterWrite = await client.GetAsync(path);

        Assert.False(afterWrite.Headers.Age.HasValue);
        Assert.Contains(title, await afterWrite.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInPerson_IsNeverAnsweredFromTheCache()
    {
        var practitioner = await app.ClientAsync(Persona.Practitioner);
        var path = $"/knowledge?cache-test={Guid.NewGuid():N}";
        await app.NewClient().GetAsync(path);

        await practitioner.GetAsync(path);
        var again = await practitioner.GetAsync(path);

        Assert.False(again.Headers.Age.HasValue);
    }

    [Theory]
    [InlineData("/account/notifications")]
    [InlineData("/events")]
    [InlineData("/questions/ask")]
    public async Task PagesOutsideThePublicReadingSections_AreNeverCached(string path)
    {
        var client = app.NewClient();
        await client.GetAsync(path);

        var again = await client.GetAsync(path);

        Assert.False(again.Headers.Age.HasValue);
    }

    [Fact]
    public async Task EachThemeHasItsOwnCopy()
    {
        var path = $"/about?cache-test={Guid.NewGuid():N}";
        var light = app.NewClient();
        await light.GetAsync(path);
        var dark = app.NewClient();
        dark.DefaultRequestHeaders.Add("Cookie", "hrc.theme=dark");

        var darkPage = await dark.GetStringAsync(path);

        Assert.Contains("class=\"theme-dark\"", darkPage);
    }
}
