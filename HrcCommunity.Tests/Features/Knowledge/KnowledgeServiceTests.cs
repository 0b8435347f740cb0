using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Knowledge;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class KnowledgeServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public KnowledgeServiceTests(SqliteDatabase database) => _database = database;

    private KnowledgeService Knowledge => _database.Get<KnowledgeService>();

    private static KnowledgeInput Input(string title, string body = "Public text.", string practitionerBody = "", bool practitionersOnly = false,
        IReadOnlyList<KnowledgeLinkInput>? links = null) =>
        new(title, KnowledgeSection.ThematicIssues, $"Summary of {title}", body, practitionerBody, practitionersOnly,
            ["sdg-16"], links ?? [], ["uclg"]);

    private async Task<string> PublishedAsync(Actor coordinator, KnowledgeInput input)
    {
        var slug = await Knowledge.CreateAsync(coordinator, input);
        var version = await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.InReview, 1);
        await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Published, version);
        return slug;
    }

    [Fact]
    public async Task PractitionersOnlyItem_IsInvisibleToAnonymousAndPending_ButShownToPractitioners()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var practitioner = await _database.CreateUserAsync("Pete Practitioner", Roles.Practitioner);
        var pending = await _database.CreateUserAsync("Pam Pending", ApprovalStatus.Pending);
        var title = $"Secret guidance {Guid.NewGuid():N}";
        var slug = await PublishedAsync(coordinator, Input(title, practitionersOnly: true));

        Assert.Null(await Knowledge.GetAsync(Actor.Anonymous, slug));
        Assert.Null(await Knowledge.GetAsync(pending, slug));
        Assert.Equal(title, (await Knowledge.GetAsync(practitioner, slug))!.Title);
        var publicList = await Knowledge.ListAsync(Actor.Anonymous, pageSize: 100);
        Assert.DoesNotContain(publicList.Items, i => i.Title == title);
        var practitionerList = await Knowledge.ListAsync(practitioner, pageSize: 100);
        Assert.Contains(practitionerList.Items, i => i.Title == title);
    }

    [Fact]
    public async Task LayeredItem_GivesAnonymousThePublicPartOnly_AndSaysThereIsMore()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var practitioner = await _database.CreateUserAsync("Pete Practitioner", Roles.Practitioner);
        var slug = await PublishedAsync(coordinator, Input($"Layered {Guid.NewGuid():N}", "Everyone reads this.", "Call Maria on 555-0101."));

        var anonymous = (await Knowledge.GetAsync(Actor.Anonymous, slug))!;
        Assert.Null(anonymous.PractitionerBodyHtml);
        Assert.Null(anonymous.PractitionerBody);
        Assert.True(anonymous.HasHiddenPart);
        Assert.Contains("Everyone reads this.", anonymous.BodyHtml);
        var full = (await Knowledge.GetAsync(practitioner, slug))!;
        Assert.Contains("Call Maria", full.PractitionerBodyHtml);
        Assert.False(full.HasHiddenPart);
    }

    [Fact]
    public async Task SearchIndex_PublicLayerNeverHoldsPractitionersOnlyTitlesOrText()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var secretTitle = $"Hidden title {Guid.NewGuid():N}";
        var secretSlug = await PublishedAsync(coordinator, Input(secretTitle, practitionersOnly: true));
        var layeredSlug = await PublishedAsync(coordinator, Input($"Layered {Guid.NewGuid():N}", "Open words.", "Whispered zanzibar detail."));

        await using var db = _database.CreateDbContext();
        var entries = await db.SearchEntries.AsNoTracking().Where(e => e.Kind == "knowledge").ToListAsync();
        var publicEntries = entries.Where(e => e.Layer == ContentLayer.Public).ToList();
        Assert.DoesNotContain(publicEntries, e => e.Key == secretSlug || e.Title == secretTitle);
        Assert.DoesNotContain(publicEntries, e => e.Body.Contains("zanzibar") || e.Summary.Contains("zanzibar"));
        Assert.Contains(entries, e => e.Key == secretSlug && e.Layer == ContentLayer.Practitioners);
        Assert.Contains(entries, e => e.Key == layeredSlug && e.Layer == ContentLayer.Practitioners && e.Body.Contains("zanzibar"));
        Assert.Contains(publicEntries, e => e.Key == layeredSlug && e.Url == $"/knowledge/{layeredSlug}");
        // The seeded practitioners-only item follows the same rule.
        Assert.DoesNotContain(publicEntries, e => e.Key == KnowledgeRoutes.PractitionersOnlyItem);
        Assert.True(await db.NetworkTags.AnyAsync(t => t.Kind == "knowledge" && t.Key == secretSlug && !t.IsPublic && t.NetworkSlug == "uclg"));
    }

    [Fact]
    public async Task Workflow_DraftMustGoThroughReview_AndUnpublishingRemovesItFromSearch()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var slug = await Knowledge.CreateAsync(coordinator, Input($"Workflow {Guid.NewGuid():N}"));

        var skip = await Assert.ThrowsAsync<ConflictException>(() => Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Published, 1));
        Assert.Contains("draft", skip.Message);
        Assert.Null(await Knowledge.GetAsync(Actor.Anonymous, slug));

        var version = await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.InReview, 1);
        version = await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Published, version);
        Assert.NotNull(await Knowledge.GetAsync(Actor.Anonymous, slug));
        await using (var db = _database.CreateDbContext())
            Assert.True(await db.SearchEntries.AnyAsync(e => e.Kind == "knowledge" && e.Key == slug));

        await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Draft, version);
        Assert.Null(await Knowledge.GetAsync(Actor.Anonymous, slug));
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await db.SearchEntries.AnyAsync(e => e.Kind == "knowledge" && e.Key == slug));
            Assert.False(await db.NetworkTags.AnyAsync(t => t.Kind == "knowledge" && t.Key == slug));
        }
        var history = (await Knowledge.GetForEditAsync(coordinator, slug)).History.Select(h => h.Change).ToList();
        Assert.Equal(["Unpublished", "Published", "Submitted for review", "Created as a draft"], history);
    }

    [Fact]
    public async Task PractitionerProposal_GoesToReview_AndOnlyACoordinatorPublishesIt()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var practitioner = await _database.CreateUserAsync("Pete Practitioner", Roles.Practitioner);
        var pending = await _database.CreateUserAsync("Pam Pending", ApprovalStatus.Pending);
        await Assert.ThrowsAsync<ForbiddenException>(() => Knowledge.CreateAsync(pending, Input("Nope")));

        var slug = await Knowledge.CreateAsync(practitioner, Input($"Proposal {Guid.NewGuid():N}"));

        Assert.Equal(KnowledgeStatus.InReview, (await Knowledge.GetAsync(practitioner, slug))!.Status);
        await Assert.ThrowsAsync<ForbiddenException>(() => Knowledge.MoveAsync(practitioner, slug, KnowledgeStatus.Published, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Knowledge.UpdateAsync(practitioner, slug, Input("Changed"), 1));
        Assert.Contains(await Knowledge.ListUnpublishedAsync(coordinator), q => q.Slug == slug);
        await Knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Published, 1);
        Assert.NotNull(await Knowledge.GetAsync(Actor.Anonymous, slug));
    }

    [Fact]
    public async Task Update_WhenTwoEditorsSaveTheSameVersion_TheSecondGetsAConflict_NotASilentOverwrite()
    {
        var first = await _database.CreateUserAsync("First Editor", Roles.Coordinator);
        var second = await _database.CreateUserAsync("Second Editor", Roles.Coordinator);
        var slug = await Knowledge.CreateAsync(first, Input($"Shared {Guid.NewGuid():N}"));
        var loaded = await Knowledge.GetForEditAsync(first, slug);

        await Knowledge.UpdateAsync(first, slug, loaded.Input with { Summary = "First editor's summary" }, loaded.Version);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            Knowledge.UpdateAsync(second, slug, loaded.Input with { Summary = "Second editor's summary" }, loaded.Version));

        Assert.Contains("Reload", conflict.Message);
        var saved = await Knowledge.GetForEditAsync(first, slug);
        Assert.Equal("First editor's summary", saved.Input.Summary);
        Assert.Contains(saved.History, h => h.Change == "Edited summary" && h.ChangedByName == "First Editor");
    }

    [Fact]
    public async Task Create_WithAnOversizedBody_SaysHowLongItMayBe_AndStoresNothing()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var title = $"Too long {Guid.NewGuid():N}";

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Knowledge.CreateAsync(coordinator, Input(title, new string('x', KnowledgeItem.BodyMax + 1))));

        Assert.Contains("at most 40,000 characters", failure.Errors["body"].Single());
        await using var db = _database.CreateDbContext();
        Assert.False(await db.KnowledgeItems.AnyAsync(k => k.Title == title));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public async Task MarkdownFromEditors_IsRenderedInert_InBothLayers(string attack, string mustNotAppear)
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var practitioner = await _database.CreateUserAsync("Pete Practitioner", Roles.Practitioner);
        var slug = await PublishedAsync(coordinator, Input($"Xss {Guid.NewGuid():N}", attack, attack));

        var view = (await Knowledge.GetAsync(practitioner, slug))!;

        Assert.DoesNotContain(mustNotAppear, view.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mustNotAppear, view.PractitionerBodyHtml!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("//evil.example/path")]
    [InlineData("not a url")]
    public async Task LinkUrls_MustBeHttpOrHttps(string url)
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Knowledge.CreateAsync(coordinator, Input("Links", links: [new("Evil", url)])));

        Assert.Contains("http or https", failure.Errors["links[0].url"].Single());
    }

    [Fact]
    public async Task CreateDraftFromSource_MakesOneDraftPerSource_LinkingBack()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var key = Guid.NewGuid().ToString("N");
        var source = new KnowledgeSource("An answer", "Short", "Long **body**", ["sdg-16"], [new("Ref", "https://example.org")],
            "answer", key, $"/answers/{key}");

        var slug = await Knowledge.CreateDraftFromSourceAsync(coordinator, source, CancellationToken.None);
        var again = await Knowledge.CreateDraftFromSourceAsync(coordinator, source, CancellationToken.None);

        Assert.Equal(slug, again);
        var view = (await Knowledge.GetAsync(coordinator, slug))!;
        Assert.Equal(KnowledgeStatus.Draft, view.Status);
        Assert.Equal($"/answers/{key}", view.SourceUrl);
        var practitioner = await _database.CreateUserAsync("Pete", Roles.Practitioner);
        await Assert.ThrowsAsync<ForbiddenException>(() => Knowledge.CreateDraftFromSourceAsync(practitioner, source, CancellationToken.None));
    }
}
