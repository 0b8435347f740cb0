using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Knowledge;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class PracticeServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public PracticeServiceTests(SqliteDatabase database) => _database = database;

    private PracticeService Practices => _database.Get<PracticeService>();

    private static PracticeInput Input(string title) => new(title, "Graz", "2024", "A **problem**.", "An approach.", "Results.",
        "Lessons.", "Call Hanna at the city office", ["right-housing"], [new("Report", "https://example.org/report")], ["eurocities"]);

    private async Task<(Actor Submitter, Actor Coordinator, string Slug)> SubmittedAsync()
    {
        var submitter = await _database.CreateUserAsync("Sami Submitter", Roles.Practitioner);
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var slug = await Practices.SubmitAsync(submitter, Input($"Housing first {Guid.NewGuid():N}"));
        return (submitter, coordinator, slug);
    }

    [Fact]
    public async Task Submit_IsInReview_VisibleToTheSubmitterAndCoordinators_NotToThePublic()
    {
        var (submitter, coordinator, slug) = await SubmittedAsync();

        Assert.Null(await Practices.GetAsync(Actor.Anonymous, slug));
        var other = await _database.CreateUserAsync("Other", Roles.Practitioner);
        Assert.Null(await Practices.GetAsync(other, slug));
        Assert.Equal(PracticeStatus.InReview, (await Practices.GetAsync(submitter, slug))!.Status);
        Assert.Contains(await Practices.ReviewQueueAsync(coordinator), p => p.Slug == slug);
        Assert.Contains(await Practices.MineAsync(submitter), p => p.Slug == slug);
        await Assert.ThrowsAsync<ForbiddenException>(() => Practices.ReviewQueueAsync(submitter));
        var pending = await _database.CreateUserAsync("Pending", ApprovalStatus.Pending);
        await Assert.ThrowsAsync<ForbiddenException>(() => Practices.SubmitAsync(pending, Input("x")));
    }

    [Fact]
    public async Task RequestChanges_NeedsANote_EmailsTheSubmitter_AndTheResubmissionGoesBackToReview()
    {
        var (submitter, coordinator, slug) = await SubmittedAsync();
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => Practices.RequestChangesAsync(coordinator, slug, " ", 1));
        Assert.True(missing.Errors.ContainsKey("note"));

        await Practices.RequestChangesAsync(coordinator, slug, "Please add the budget.", 1);

        var mine = (await Practices.MineAsync(submitter)).Single(p => p.Slug == slug);
        Assert.Equal(PracticeStatus.ChangesRequested, mine.Status);
        Assert.Equal("Please add the budget.", mine.ReviewNote);
        await using (var db = _database.CreateDbContext())
            Assert.True(await db.OutboxEmails.AnyAsync(e => e.Category == "practice-review" && e.TextBody.Contains("Please add the budget.")));
        await Assert.ThrowsAsync<ConflictException>(() => Practices.PublishAsync(coordinator, slug, mine.Version));

        var edit = await Practices.GetForEditAsync(submitter, slug);
        await Practices.ResubmitAsync(submitter, slug, edit.Input with { Results = "Results with a budget." }, edit.Version);
        Assert.Equal(PracticeStatus.InReview, (await Practices.GetAsync(submitter, slug))!.Status);
    }

    [Fact]
    public async Task Publish_IndexesThePracticeWithTheContactOnlyInThePractitionersLayer()
    {
        var (_, coordinator, slug) = await SubmittedAsync();

        await Practices.PublishAsync(coordinator, slug, 1);

        await using var db = _database.CreateDbContext();
        var entries = await db.SearchEntries.AsNoTracking().Where(e => e.Kind == "practice" && e.Key == slug).ToListAsync();
        var publicEntry = entries.Single(e => e.Layer == ContentLayer.Public);
        Assert.Equal($"/practices/{slug}", publicEntry.Url);
        Assert.DoesNotContain("Hanna", publicEntry.Body);
        Assert.Contains("Hanna", entries.Single(e => e.Layer == ContentLayer.Practitioners).Body);
        Assert.Null((await Practices.GetAsync(Actor.Anonymous, slug))!.Contact);
        Assert.Contains((await Practices.ListPublishedAsync(pageSize: 100)).Items, p => p.Slug == slug);
        Assert.True(await db.NetworkTags.AnyAsync(t => t.Kind == "practice" && t.Key == slug && t.NetworkSlug == "eurocities"));
    }

    [Fact]
    public async Task Decisions_OnAStaleVersionOrFinishedPractice_AreConflicts()
    {
        var (submitter, coordinator, slug) = await SubmittedAsync();
        await Practices.PublishAsync(coordinator, slug, 1);

        await Assert.ThrowsAsync<ConflictException>(() => Practices.PublishAsync(coordinator, slug, 2));
        await Assert.ThrowsAsync<ConflictException>(() => Practices.RejectAsync(coordinator, slug, "Too late", 2));
        await Assert.ThrowsAsync<ConflictException>(() => Practices.GetForEditAsync(submitter, slug));

        var (_, _, other) = await SubmittedAsync();
        await Practices.RequestChangesAsync(coordinator, other, "First reviewer", 1);
        await Assert.ThrowsAsync<ConflictException>(() => Practices.PublishAsync(coordinator, other, 1));
    }

    [Fact]
    public async Task UsefulMark_IsOnePerPerson_AndTogglesOff()
    {
        var (_, coordinator, slug) = await SubmittedAsync();
        await Practices.PublishAsync(coordinator, slug, 1);
        var reader = await _database.CreateUserAsync("Rita Reader", Roles.Practitioner);

        Assert.True(await Practices.ToggleUsefulAsync(reader, slug));
        Assert.Equal(1, (await Practices.GetAsync(reader, slug))!.UsefulCount);
        Assert.True((await Practices.GetAsync(reader, slug))!.MarkedUsefulByMe);
        Assert.False(await Practices.ToggleUsefulAsync(reader, slug));
        Assert.Equal(0, (await Practices.GetAsync(reader, slug))!.UsefulCount);
        await Assert.ThrowsAsync<ForbiddenException>(() => Practices.ToggleUsefulAsync(Actor.Anonymous, slug));
    }

    [Fact]
    public async Task UsefulMark_TheDatabaseRefusesASecondMarkByTheSamePerson()
    {
        var (_, coordinator, slug) = await SubmittedAsync();
        await Practices.PublishAsync(coordinator, slug, 1);
        var reader = await _database.CreateUserAsync("Rita Reader", Roles.Practitioner);
        await using var db = _database.CreateDbContext();
        var practiceId = await db.Practices.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        db.PracticeUsefulMarks.Add(new PracticeUsefulMark { PracticeId = practiceId, UserId = reader.UserId! });
        db.PracticeUsefulMarks.Add(new PracticeUsefulMark { PracticeId = practiceId, UserId = reader.UserId! });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Comments_ArePractitionersOnly_AndOnlyOnPublishedPractices()
    {
        var (submitter, coordinator, slug) = await SubmittedAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Practices.CommentAsync(submitter, slug, "Too early"));
        await Practices.PublishAsync(coordinator, slug, 1);

        await Practices.CommentAsync(submitter, slug, "<script>alert(1)</script> We tried this too.");

        Assert.Single((await Practices.GetAsync(coordinator, slug))!.Comments);
        Assert.Empty((await Practices.GetAsync(Actor.Anonymous, slug))!.Comments);
        await Assert.ThrowsAsync<ForbiddenException>(() => Practices.CommentAsync(Actor.Anonymous, slug, "Hi"));
    }

    [Fact]
    public async Task Promote_CreatesOneKnowledgeDraftThatLinksBackToThePractice()
    {
        var (submitter, coordinator, slug) = await SubmittedAsync();
        await Assert.ThrowsAsync<ConflictException>(() => Practices.PromoteAsync(coordinator, slug));
        await Practices.PublishAsync(coordinator, slug, 1);
        await Assert.ThrowsAsync<ForbiddenException>(() => Practices.PromoteAsync(submitter, slug));

        var knowledgeSlug = await Practices.PromoteAsync(coordinator, slug);

        Assert.Equal(knowledgeSlug, await Practices.PromoteAsync(coordinator, slug));
        var draft = (await _database.Get<KnowledgeService>().GetAsync(coordinator, knowledgeSlug))!;
        Assert.Equal(KnowledgeStatus.Draft, draft.Status);
        Assert.Equal($"/practices/{slug}", draft.SourceUrl);
        Assert.Contains("An approach.", draft.Body);
        Assert.Equal(knowledgeSlug, (await Practices.GetAsync(coordinator, slug))!.PromotedToSlug);
    }
}
