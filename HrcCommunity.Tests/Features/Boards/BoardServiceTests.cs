using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Boards;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class BoardServiceTests
{
    [Fact]
    public async Task Vote_FromTwoContextsAtOnce_NeverSpendsMoreThanTheBudget()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db, BoardsTestData.Create(budget: 2));
        var notes = new List<int>();
        for (var i = 0; i < 4; i++) notes.Add((await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, $"Idea {i}", NoteColour.Yellow)).Id);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);

        // Two services over their own contexts, as two tabs would be: eight dots asked for at the same moment.
        var tabs = new[] { db.Get<BoardService>(), db.Get<BoardService>() };
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await tabs[i % 2].VoteAsync(s.Omar, notes[i % notes.Count]);
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(2, results.Count(r => r));
        await using var context = db.CreateDbContext();
        Assert.Equal(2, await context.BoardVotes.CountAsync(v => v.BoardId == s.BoardId && v.UserId == s.Omar.UserId));
        Assert.Equal(0, (await s.Boards.GetAsync(s.Omar, s.BoardId))!.DotsLeft);
    }

    [Fact]
    public async Task Vote_OneDotPerNote_RefusesASecondDotOnTheSameNote()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db, BoardsTestData.Create(budget: 3, oneDotPerNote: true));
        var note = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Idea", NoteColour.Yellow);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);

        await s.Boards.VoteAsync(s.Omar, note.Id);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => s.Boards.VoteAsync(s.Omar, note.Id));

        Assert.Contains("One dot per note", refused.Message);
    }

    [Fact]
    public async Task Vote_OutsideTheVotePhase_IsRefused()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var note = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Idea", NoteColour.Yellow);

        await Assert.ThrowsAsync<ConflictException>(() => s.Boards.VoteAsync(s.Omar, note.Id));
    }

    [Fact]
    public async Task Votes_AreHiddenUntilRevealed_ThenSortTheResults()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var low = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Low", NoteColour.Yellow);
        var high = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "High", NoteColour.Yellow);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);
        await s.Boards.VoteAsync(s.Omar, high.Id);
        await s.Boards.VoteAsync(s.Omar, high.Id);
        await s.Boards.VoteAsync(s.Pia, low.Id);

        var hidden = (await s.Boards.GetAsync(s.Pia, s.BoardId))!;
        Assert.All(hidden.Notes, n => Assert.Null(n.Votes));
        Assert.Equal(1, hidden.MyVotes[low.Id]);

        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Discuss);
        var results = await s.Boards.ResultsAsync(s.Pia, s.BoardId);
        Assert.Equal(["High", "Low"], results.Notes.Select(n => n.Text));
        Assert.Equal([2, 1], results.Notes.Select(n => n.Votes ?? -1));
    }

    [Fact]
    public async Task Dots_AreAnnouncedWithoutActor_WithoutTotalsWhileHidden_AndWithEachTouchedNotesLatestTotalOnceRevealed()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var a = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "A", NoteColour.Yellow);
        var b = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "B", NoteColour.Yellow);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);
        using var heard = new LiveRecorder<BoardChanged>(db.Get<ILiveNotifier<BoardChanged>>(), Board.TopicOf(s.BoardId));

        await s.Boards.VoteAsync(s.Omar, a.Id);
        var hidden = Assert.Single(await heard.WaitForAsync(1));
        Assert.Equal((BoardChangeKind.Voted, null, null), (hidden.Kind, hidden.NoteId, hidden.Totals));

        await s.Boards.RevealVotesAsync(s.Facilitator, s.BoardId);
        await s.Boards.VoteAsync(s.Omar, a.Id);
        await s.Boards.VoteAsync(s.Pia, a.Id);
        await s.Boards.VoteAsync(s.Pia, b.Id);
        await s.Boards.UnvoteAsync(s.Pia, b.Id);

        // Dots a window apart are announced apart; applied in order, the totals end where the database is.
        var expected = new Dictionary<int, int> { [a.Id] = 3, [b.Id] = 0 };
        await heard.WaitUntilAsync(h => Latest(h.Skip(2)).Count == 2 && Latest(h.Skip(2)).All(t => expected[t.Key] == t.Value));
        var events = heard.Events;
        Assert.Equal(BoardChangeKind.Settings, events[1].Change.Kind);
        Assert.All(events.Skip(2), e => Assert.Equal(BoardChangeKind.Voted, e.Change.Kind));
        Assert.All(events.Where(e => e.Change.Kind == BoardChangeKind.Voted), e => Assert.Null(e.ActorId));

        static Dictionary<int, int> Latest(IEnumerable<BoardChanged> changes)
        {
            var totals = new Dictionary<int, int>();
            foreach (var change in changes)
                foreach (var (noteId, total) in change.Totals ?? new Dictionary<int, int>()) totals[noteId] = total;
            return totals;
        }
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_IsRefusedWithBothTexts()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var note = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "First draft", NoteColour.Yellow);

        // The author and the facilitator both opened version 1.
        await s.Boards.EditNoteAsync(s.Facilitator, note.Id, "Facilitator's wording", NoteColour.Yellow, note.Version);
        var conflict = await Assert.ThrowsAsync<NoteEditConflictException>(
            () => s.Boards.EditNoteAsync(s.Pia, note.Id, "Pia's wording", NoteColour.Green, note.Version));

        Assert.Equal("Pia's wording", conflict.Yours);
        Assert.Equal("Facilitator's wording", conflict.Theirs);
        var saved = await s.Boards.EditNoteAsync(s.Pia, note.Id, "Pia's and the facilitator's wording", NoteColour.Green, conflict.CurrentVersion);
        Assert.Equal("Pia's and the facilitator's wording", saved.Text);
    }

    [Fact]
    public async Task Move_OfANoteSomeoneDeleted_IsReportedAsAConflict()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var note = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Going soon", NoteColour.Yellow);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Group);

        await s.Boards.DeleteNoteAsync(s.Pia, note.Id);
        var moved = await Assert.ThrowsAsync<ConflictException>(() => s.Boards.MoveNoteAsync(s.Omar, note.Id, s.SecondColumn, 0));

        Assert.Contains("deleted", moved.Message);
    }

    [Fact]
    public async Task Move_ReordersTheTargetColumn()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var a = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "A", NoteColour.Yellow);
        var b = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "B", NoteColour.Yellow);
        var c = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.SecondColumn, "C", NoteColour.Yellow);

        await s.Boards.MoveNoteAsync(s.Pia, b.Id, s.FirstColumn, 0);
        await s.Boards.MoveNoteAsync(s.Pia, a.Id, s.SecondColumn, 99);

        var view = (await s.Boards.GetAsync(s.Pia, s.BoardId))!;
        Assert.Equal(["B"], view.Notes.Where(n => n.ColumnId == s.FirstColumn).OrderBy(n => n.Position).Select(n => n.Text));
        Assert.Equal(["C", "A"], view.Notes.Where(n => n.ColumnId == s.SecondColumn).OrderBy(n => n.Position).Select(n => n.Text));
    }

    [Fact]
    public async Task PrivateWrite_ShowsEachPersonOnlyTheirOwnNotes_InViewsExportsAndLiveChanges_UntilTheReveal()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db, BoardsTestData.Create(privateWrite: true));
        using var live = new LiveRecorder<BoardChanged>(db.Get<ILiveNotifier<BoardChanged>>(), Board.TopicOf(s.BoardId));

        await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Pia's secret idea", NoteColour.Yellow);
        await s.Boards.AddNoteAsync(s.Omar, s.BoardId, s.FirstColumn, "Omar's secret idea", NoteColour.Blue);

        var omarsView = (await s.Boards.GetAsync(s.Omar, s.BoardId))!;
        Assert.Equal(["Omar's secret idea"], omarsView.Notes.Select(n => n.Text));
        Assert.Equal(1, omarsView.HiddenNotes);
        var facilitatorsExport = (await s.Boards.ResultsAsync(s.Facilitator, s.BoardId)).ToCsv();
        Assert.DoesNotContain("secret", facilitatorsExport);
        var heard = await live.WaitForAsync(2);
        Assert.All(heard, c => Assert.Null(c.Note!.Text));
        Assert.All(heard, c => Assert.Null(c.Note!.AuthorName));

        await s.Boards.RevealNotesAsync(s.Facilitator, s.BoardId);

        Assert.Contains("Pia's secret idea", (await s.Boards.ResultsAsync(s.Omar, s.BoardId)).ToMarkdown());
        Assert.Equal(2, (await s.Boards.GetAsync(s.Omar, s.BoardId))!.Notes.Count);
    }

    [Fact]
    public async Task Anonymous_HidesAuthorsInViewsExportsAndLiveChanges()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        await s.Boards.MakeAnonymousAsync(s.Facilitator, s.BoardId);
        using var live = new LiveRecorder<BoardChanged>(db.Get<ILiveNotifier<BoardChanged>>(), Board.TopicOf(s.BoardId));

        await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "An idea", NoteColour.Yellow);

        var note = Assert.Single((await s.Boards.GetAsync(s.Omar, s.BoardId))!.Notes);
        Assert.Null(note.AuthorName);
        Assert.DoesNotContain("Pia", (await s.Boards.ResultsAsync(s.Omar, s.BoardId)).ToCsv());
        await live.WaitForAsync(1);
        Assert.Null(live.Events[0].ActorId);
        Assert.Null(live.Events[0].Change.Note!.AuthorName);
    }

    [Fact]
    public async Task Join_OfAnEventBoard_IsForRegisteredPractitionersCoordinatorsAndTheOrganiser()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var organiser = await EventsTestData.CoordinatorAsync(db);
        var registered = await db.CreateUserAsync("Rita Registered", Roles.Practitioner);
        var stranger = await db.CreateUserAsync("Sam Stranger", Roles.Practitioner);
        var pending = await db.CreateUserAsync("Paul Pending", ApprovalStatus.Pending);
        var otherCoordinator = await db.CreateUserAsync("Cleo Coordinator", Roles.Coordinator);
        var eventId = await db.Get<EventService>().CreateAsync(organiser, EventsTestData.Edit() with { Kind = EventKind.BrainstormingWorkshop });
        await db.Get<EventRegistrationService>().RegisterAsync(registered, eventId, AccessNeeds.None);
        var boards = db.Get<BoardService>();
        var id = await boards.CreateAsync(otherCoordinator, BoardsTestData.Create(eventId: eventId));

        Assert.NotNull(await boards.GetAsync(registered, id));
        Assert.True((await boards.GetAsync(organiser, id))!.IsFacilitator);
        Assert.True((await boards.GetAsync(otherCoordinator, id))!.IsFacilitator);
        Assert.False((await boards.GetAsync(registered, id))!.IsFacilitator);
        await Assert.ThrowsAsync<ForbiddenException>(() => boards.GetAsync(stranger, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => boards.GetAsync(pending, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => boards.AddNoteAsync(stranger, id, 0, "Hello", NoteColour.Yellow));
        Assert.DoesNotContain(await boards.ListAsync(stranger), b => b.Id == id);
        Assert.Contains(await boards.ListAsync(registered), b => b.Id == id);
        Assert.False(db.Get<BoardAccess>().MayFollow(stranger, Board.TopicOf(id)));
        Assert.True(db.Get<BoardAccess>().MayFollow(registered, Board.TopicOf(id)));
    }

    [Fact]
    public async Task FacilitatorControls_AreRefusedToParticipants_AndLockStopsTheirChanges()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);

        await Assert.ThrowsAsync<ForbiddenException>(() => s.Boards.SetPhaseAsync(s.Pia, s.BoardId, BoardPhase.Vote));
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Boards.SetLockedAsync(s.Pia, s.BoardId, true));
        await s.Boards.SetLockedAsync(s.Facilitator, s.BoardId, true);
        await s.Boards.SetTimerAsync(s.Facilitator, s.BoardId, 5);

        await Assert.ThrowsAsync<ConflictException>(() => s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Too late", NoteColour.Yellow));
        var view = (await s.Boards.GetAsync(s.Pia, s.BoardId))!;
        Assert.True(view.Locked);
        Assert.Equal(db.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), view.TimerEndsAt);
    }

    [Fact]
    public async Task AddNote_TooLongOrWithAColourOffThePalette_IsRefusedWithAClearMessage()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);

        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(
            () => s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, new string('x', BoardNote.TextMax + 1), NoteColour.Yellow));
        var colour = await Assert.ThrowsAsync<ValidationFailedException>(
            () => s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Fine", (NoteColour)42));

        Assert.Contains("at most 500", tooLong.Message);
        Assert.Contains("palette", colour.Message);
    }

    [Fact]
    public async Task Templates_BuiltInAndACoordinatorsOwn_StartBoardsWithTheirColumns()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db, BoardsTestData.Create() with { Template = "start-stop-continue" });

        var templateId = await s.Boards.SaveTemplateAsync(s.Facilitator, s.BoardId, "Our retro");
        var copy = await s.Boards.CreateAsync(s.Facilitator, BoardsTestData.Create() with { Template = BoardTemplates.OwnKey(templateId) });

        Assert.Equal(["Start", "Stop", "Continue"], (await s.Boards.GetAsync(s.Facilitator, copy))!.Columns.Select(c => c.Title));
        Assert.Contains(await s.Boards.TemplatesAsync(s.Facilitator), t => t.Name == "Our retro");
        var other = await db.CreateUserAsync("Cleo Coordinator", Roles.Coordinator);
        await Assert.ThrowsAsync<ValidationFailedException>(
            () => s.Boards.CreateAsync(other, BoardsTestData.Create() with { Template = BoardTemplates.OwnKey(templateId) }));
    }

    [Fact]
    public async Task TopClusters_BecomeAgendaItemsOfAFollowUpEvent_LinkingBackToTheBoard()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var s = await BoardsTestData.StandAloneAsync(db);
        var a = await s.Boards.AddNoteAsync(s.Pia, s.BoardId, s.FirstColumn, "Evictions in winter", NoteColour.Yellow);
        var b = await s.Boards.AddNoteAsync(s.Omar, s.BoardId, s.FirstColumn, "No data on youth homelessness", NoteColour.Yellow);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Group);
        var housing = await s.Boards.AddClusterAsync(s.Pia, s.BoardId, "Housing");
        var data = await s.Boards.AddClusterAsync(s.Omar, s.BoardId, "Data");
        await s.Boards.SetClusterAsync(s.Pia, a.Id, housing);
        await s.Boards.SetClusterAsync(s.Pia, b.Id, data);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Vote);
        await s.Boards.VoteAsync(s.Pia, b.Id);
        await s.Boards.VoteAsync(s.Omar, b.Id);
        await s.Boards.VoteAsync(s.Omar, a.Id);
        await s.Boards.SetPhaseAsync(s.Facilitator, s.BoardId, BoardPhase.Discuss);
        var followUp = await db.Get<EventService>().CreateAsync(s.Facilitator, EventsTestData.Edit("Follow-up dialogue"));

        await s.Boards.AddToEventAgendaAsync(s.Facilitator, s.BoardId, followUp, $"https://hrc.example/boards/{s.BoardId}");

        var agenda = (await db.Get<EventService>().GetAsync(s.Facilitator, followUp))!.Agenda;
        Assert.Contains($"1. **Data** (2 dots): from [Welcoming refugees](https://hrc.example/boards/{s.BoardId})", agenda);
        Assert.Contains("2. **Housing** (1 dots)", agenda);
        await Assert.ThrowsAsync<ForbiddenException>(() => s.Boards.AddToEventAgendaAsync(s.Pia, s.BoardId, followUp, "x"));
    }
}
