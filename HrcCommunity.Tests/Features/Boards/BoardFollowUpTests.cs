using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Boards;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class BoardFollowUpTests
{
    private const string BoardUrl = "https://hrc.example/boards/";

    [Fact]
    public async Task DraftPractice_FromATopCluster_WaitsForReviewInTheFacilitatorsName_LinkingBackToTheBoard_AndAskingAgainOpensTheSame()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var (s, housing, _) = await FinishedBoardAsync(db);
        var followUp = db.Get<BoardFollowUpService>();

        var slug = await followUp.DraftPracticeAsync(s.Facilitator, s.BoardId, housing, BoardUrl + s.BoardId);
        var again = await followUp.DraftPracticeAsync(s.Facilitator, s.BoardId, housing, BoardUrl + s.BoardId);

        Assert.Equal(slug, again);
        await using var context = db.CreateDbContext();
        var practice = await context.Practices.SingleAsync();
        Assert.Equal((slug, "Housing", PracticeStatus.InReview, s.Facilitator.UserId), (practice.Slug, practice.Title, practice.Status, practice.SubmitterId));
        Assert.Contains("Evictions in winter (2 dots)", practice.Approach);
        Assert.Contains("Rent arrears fund (1 dots)", practice.Approach);
        Assert.Contains(BoardUrl + s.BoardId, practice.LinksJson);
        Assert.Contains(slug, (await db.Get<PracticeService>().ReviewQueueAsync(s.Facilitator)).Select(p => p.Slug));
        Assert.Equal(slug, (await s.Boards.GetAsync(s.Facilitator, s.BoardId))!.Clusters.Single(c => c.Id == housing).PracticeSlug);
    }

    [Fact]
    public async Task DraftKnowledge_FromATopCluster_IsAKnowledgeCentreDraftWhoseSourceIsTheBoard()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var (s, housing, _) = await FinishedBoardAsync(db);
        var followUp = db.Get<BoardFollowUpService>();

        var slug = await followUp.DraftKnowledgeAsync(s.Facilitator, s.BoardId, housing, BoardUrl + s.BoardId);

        Assert.Equal(slug, await followUp.DraftKnowledgeAsync(s.Facilitator, s.BoardId, housing, BoardUrl + s.BoardId));
        await using var context = db.CreateDbContext();
        var item = await context.KnowledgeItems.SingleAsync(k => k.SourceKind == BoardFollowUpService.SourceKind);
        Assert.Equal((slug, "Housing", KnowledgeStatus.Draft, $"/boards/{s.BoardId}"), (item.Slug, item.Title, item.Status, item.SourceUrl));
        Assert.Contains("Evictions in winter (2 dots)", item.Body);
        Assert.Equal(slug, (await s.Boards.GetAsync(s.Facilitator, s.BoardId))!.Clusters.Single(c => c.Id == housing).KnowledgeSlug);
    }

    [Fact]
    public async Task DraftPractice_ClickedFourTimesAtOnce_MakesOnePractice_AndEveryOtherClickOpensItOrIsToldToWait()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var (s, housing, _) = await FinishedBoardAsync(db);
        var followUp = db.Get<BoardFollowUpService>();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try { return await followUp.DraftPracticeAsync(s.Facilitator, s.BoardId, housing, BoardUrl + s.BoardId); }
            catch (ConflictException ex) { return ex.Message; }
        })));

        await using var context = db.CreateDbContext();
        var practice = await context.Practices.SingleAsync();
        Assert.All(clicks, answer => Assert.True(answer == practice.Slug || answer.Contains("being made"), answer));
        Assert.Contains(practice.Slug, clicks);
        Assert.Equal(practice.Slug, (await s.Boards.GetAsync(s.Facilitator, s.BoardId))!.Clusters.Single(c => c.Id == housing).PracticeSlug);
    }

    [Fact]
    public async Task DraftKnowledge_WhileAnotherIsBeingMade_IsToldToWait_AndAMarkLeftByAStoppedProcessIsTakenOverAfterTwoMinutes()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var (s, housing, _) = await FinishedBoardAsync(db);
        var followUp = db.Get<BoardFollowUpService>();
        await using (var context = db.CreateDbContext())
            await context.BoardClusters.Where(c => c.Id == housing)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.KnowledgeSlug, "making:" + db.Clock.GetUtcNow().UtcDateTime.Ticks));

        var wait = await Assert.ThrowsAsync<ConflictException>(() => followUp.DraftKnowledgeAsync(s.Facilitator, s.BoardId, housing, BoardUrl));
        Assert.Contains("being made", wait.Message);
        Assert.Null((await s.Boards.GetAsync(s.Facilitator, s.BoardId))!.Clusters.Single(c => c.Id == housing).KnowledgeSlug);

        db.Clock.Advance(TimeSpan.FromMinutes(3));
        var slug = await followUp.DraftKnowledgeAsync(s.Facilitator, s.BoardId, housing, BoardUrl);
        Assert.Equal(slug, (await s.Boards.GetAsync(s.Facilitator, s.BoardId))!.Clusters.Single(c => c.Id == housing).KnowledgeSlug);
    }

    [Fact]
    public async Task Drafts_AreRefusedToParticipants_BeforeTheDiscussPhase_AndForAClusterOutsideTheTop_WithAMessage()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var (s, housing, empty) = await FinishedBoardAsync(db);
        var followUp = db.Get<BoardFollowUpService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => followUp.DraftPracticeAsync(s.Pia, s.BoardId, housing, BoardUrl));
        await Assert.ThrowsAsync<ForbiddenException>(() => followUp.DraftKnowledgeAsync(s.Pia, s.BoardId, housing, BoardUrl));
        var outside = await Assert.ThrowsAsync<ConflictException>(() => followUp.DraftPracticeAsync(s.Facilitator, s.BoardId, empty, BoardUrl));
        Assert.Equal("Only the top 3 clusters with dots become drafts; \"Nobody voted\" is not among them.", outside.Message);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);
        var early = await Assert.ThrowsAsync<ConflictException>(() => followUp.DraftKnowledgeAsync(s.Facilitator, s.BoardId, housing, BoardUrl));
        Assert.Contains("discuss phase", early.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => followUp.DraftPracticeAsync(s.Facilitator, 999_999, housing, BoardUrl));

        await using var context = db.CreateDbContext();
        Assert.False(await context.Practices.AnyAsync());
        Assert.False(await context.KnowledgeItems.AnyAsync(k => k.SourceKind == BoardFollowUpService.SourceKind));
    }

    /// <summary>A board in the discuss phase: "Housing" with three dots on two notes, and "Nobody voted" with a note and no dots.</summary>
    internal static async Task<(BoardsTestData.Setup Setup, int Housing, int Empty)> FinishedBoardAsync(SqliteDatabase db)
    {
        var s = await BoardsTestData.StandAloneAsync(db);
        var a = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Evictions in winter", NoteColour.Yellow);
        var b = await s.Boards.AddNoteAsync(s.Omar, s.BoardId, s.SecondColumn, "Rent arrears fund", NoteColour.Green);
        var c = await s.Boards.AddNoteAsync(s.Omar, s.BoardId, s.FirstColumn, "A quiet idea", NoteColour.Blue);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Group);
        var housing = await s.Boards.AddClusterAsync(s.Pia, s.BoardId, "Housing");
        var empty = await s.Boards.AddClusterAsync(s.Pia, s.BoardId, "Nobody voted");
        await s.Boards.SetClusterAsync(s.Pia, a.Id, housing);
        await s.Boards.SetClusterAsync(s.Pia, b.Id, housing);
        await s.Boards.SetClusterAsync(s.Pia, c.Id, empty);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);
        await s.Boards.VoteAsync(s.Pia, a.Id);
        await s.Boards.VoteAsync(s.Omar, a.Id);
        await s.Boards.VoteAsync(s.Omar, b.Id);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Discuss);
        return (s, housing, empty);
    }
}
