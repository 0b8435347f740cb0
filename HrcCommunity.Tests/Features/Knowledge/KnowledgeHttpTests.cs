using System.Net;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Knowledge;

/// <summary>The layer rule on every HTTP surface: pages, lists, the JSON API and attachment downloads.</summary>
[Collection(AppCollection.Name)]
public sealed class KnowledgeHttpTests(AppHost app)
{
    private const string SecretTitle = "Running an inter-city dialogue";
    private const string PractitionerText = "most often forgotten";

    [Theory]
    [InlineData(Persona.Anonymous)]
    [InlineData(Persona.Pending)]
    public async Task PractitionersOnlyItem_IsNotFound_AndItsTitleIsNowhere_ForTheNonPractitioners(Persona persona)
    {
        var client = await app.ClientAsync(persona);

        var page = await client.GetAsync($"/knowledge/{KnowledgeRoutes.PractitionersOnlyItem}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(SecretTitle, await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain(SecretTitle, await client.GetStringAsync("/knowledge"));
        Assert.DoesNotContain(SecretTitle, await client.GetStringAsync("/knowledge?section=thematic-issues"));
        Assert.DoesNotContain(SecretTitle, await client.GetStringAsync("/api/knowledge?pageSize=100"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/knowledge/{KnowledgeRoutes.PractitionersOnlyItem}")).StatusCode);
    }

    [Fact]
    public async Task PractitionersOnlyItem_IsListedAndShown_ToPractitioners()
    {
        var client = await app.ClientAsync(Persona.Practitioner);

        Assert.Contains(SecretTitle, await client.GetStringAsync($"/knowledge/{KnowledgeRoutes.PractitionersOnlyItem}"));
        Assert.Contains(SecretTitle, await client.GetStringAsync("/knowledge"));
        Assert.Contains(SecretTitle, await client.GetStringAsync("/api/knowledge?pageSize=100"));
    }

    [Fact]
    public async Task LayeredItemPage_ShowsAnonymousThePublicPartAndASignInNotice_AndPractitionersBoth()
    {
        var anonymous = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync($"/knowledge/{KnowledgeRoutes.LayeredItem}");
        var practitioner = await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync($"/knowledge/{KnowledgeRoutes.LayeredItem}");

        Assert.Contains("Five dimensions of the work method", anonymous);
        Assert.Contains("Sign in as a practitioner to read more", anonymous);
        Assert.DoesNotContain(PractitionerText, anonymous);
        Assert.Contains(PractitionerText, practitioner);
        Assert.DoesNotContain("Sign in as a practitioner to read more", practitioner);
    }

    [Fact]
    public async Task Api_GivesAnonymousPublicFieldsOnly_AndPractitionersThePractitionersText()
    {
        var path = $"/api/knowledge/{KnowledgeRoutes.LayeredItem}";
        using var anonymous = JsonDocument.Parse(await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync(path));
        using var practitioner = JsonDocument.Parse(await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync(path));

        Assert.False(anonymous.RootElement.TryGetProperty("practitionerBody", out _));
        Assert.True(anonymous.RootElement.GetProperty("moreForPractitioners").GetBoolean());
        Assert.Contains(PractitionerText, practitioner.RootElement.GetProperty("practitionerBody").GetString());
    }

    [Fact]
    public async Task Api_ListPages()
    {
        using var first = JsonDocument.Parse(await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync("/api/knowledge?pageSize=2&page=1"));
        using var second = JsonDocument.Parse(await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync("/api/knowledge?pageSize=2&page=2"));

        Assert.Equal(2, first.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(first.RootElement.GetProperty("total").GetInt32() > 2);
        Assert.NotEqual(first.RootElement.GetProperty("items")[0].GetProperty("slug").GetString(),
            second.RootElement.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task AttachmentDownload_AppliesTheLayerRule_AndSendsItAsAnAttachmentThatIsNotSniffed()
    {
        var attachments = app.Services.GetRequiredService<KnowledgeAttachmentService>();
        var open = await attachments.UploadAsync(Actor.System, KnowledgeRoutes.LayeredItem, "open-guide.pdf", new MemoryStream(AttachmentTests.Pdf), true);
        var closed = await attachments.UploadAsync(Actor.System, KnowledgeRoutes.LayeredItem, "contact-list.pdf", new MemoryStream(AttachmentTests.Pdf), false);
        var anonymous = await app.ClientAsync(Persona.Anonymous);
        var pending = await app.ClientAsync(Persona.Pending);
        var practitioner = await app.ClientAsync(Persona.Practitioner);

        var publicFile = await anonymous.GetAsync(open.Url);
        Assert.Equal(HttpStatusCode.OK, publicFile.StatusCode);
        Assert.Equal("attachment", publicFile.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("open-guide.pdf", publicFile.Content.Headers.ContentDisposition?.FileNameStar ?? publicFile.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", publicFile.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(AttachmentTests.Pdf, await publicFile.Content.ReadAsByteArrayAsync());

        foreach (var client in new[] { anonymous, pending })
        {
            var hidden = await client.GetAsync(closed.Url);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.DoesNotContain("contact-list", await hidden.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("contact-list", await anonymous.GetStringAsync($"/knowledge/{KnowledgeRoutes.LayeredItem}"));
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync(closed.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/knowledge/{KnowledgeRoutes.LayeredItem}/attachments/999999")).StatusCode);
    }

    [Fact]
    public async Task PracticePage_ShowsTheContactToPractitionersOnly()
    {
        var path = $"/practices/{KnowledgeRoutes.PublishedPractice}";
        var anonymous = await (await app.ClientAsync(Persona.Anonymous)).GetStringAsync(path);
        var practitioner = await (await app.ClientAsync(Persona.Practitioner)).GetStringAsync(path);

        Assert.DoesNotContain("Office of the Human Rights Council", anonymous);
        Assert.Contains("Sign in as a practitioner to read more", anonymous);
        Assert.Contains("Office of the Human Rights Council", practitioner);
    }

    [Fact]
    public async Task PracticeInReview_IsNotFoundForThePublic()
    {
        var response = await (await app.ClientAsync(Persona.Anonymous)).GetAsync($"/practices/{PracticesDemoSeed.InReviewSlug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ItemPage_RendersAnXssCorpusInert_InBodyLinksAndTitle()
    {
        var knowledge = app.Services.GetRequiredService<KnowledgeService>();
        const string corpus = "<script>alert('body')</script>\n\n<img src=x onerror=alert(2)>\n\n[click me](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">raw</a>";
        var slug = await knowledge.CreateAsync(Actor.System, new KnowledgeInput($"<script>alert('title')</script> {Guid.NewGuid():N}",
            KnowledgeSection.OtherIssues, "<b onmouseover=alert(5)>summary</b>", corpus, corpus, false, [], [new("<script>x</script>", "https://example.org/")], []));
        var version = await knowledge.MoveAsync(Actor.System, slug, KnowledgeStatus.InReview, 1);
        await knowledge.MoveAsync(Actor.System, slug, KnowledgeStatus.Published, version);

        foreach (var persona in new[] { Persona.Anonymous, Persona.Practitioner })
        {
            var html = await (await app.ClientAsync(persona)).GetStringAsync($"/knowledge/{slug}");
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<script>x", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b onmouseover", html);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(&#x27;title&#x27;)", html);
        }
    }
}
