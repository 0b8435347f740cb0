using System.Collections.Concurrent;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Boards;

/// <summary>
/// Brainstorming boards: opening one, the notes, clusters and dots, and the facilitator's controls. Every change is
/// saved first and then published on <c>board:{id}</c> as the change itself, cut to what every follower may see.
/// </summary>
public sealed class BoardService(IDbContextFactory<HrcDbContext> dbFactory, ILiveNotifier<BoardChanged> notifier, TimeProvider clock)
{
    public const int MaxTimerMinutes = 60;

    /// <summary>
    /// How long dots on one board are gathered before followers hear of them, in one <see cref="BoardChangeKind.Voted"/>
    /// with the latest totals: a voting burst of 300 people would otherwise send each of them a change per dot.
    /// </summary>
    public static readonly TimeSpan VoteWindow = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<int, HashSet<int>> _votedNotes = new();

    public async Task<int> CreateAsync(Actor actor, BoardCreate create, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "open boards");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var columns = await TemplateColumnsAsync(db, actor, create.Template, ct);
        var v = new Validator()
            .Required("Title", create.Title, "The title", Board.TitleMax)
            .Range("DotBudget", create.DotBudget, "The dots per person", 1, Board.MaxDotBudget)
            .Check(columns is not null, "Template", "Choose a template from the list.");
        if (create.EventId is { } eventId)
            v.Check(await db.CommunityEvents.AnyAsync(e => e.Id == eventId && !e.IsCancelled && e.Kind == EventKind.BrainstormingWorkshop, ct),
                "EventId", "Choose a brainstorming workshop that is not cancelled, or none.");
        v.ThrowIfInvalid();
        var board = new Board
        {
            Title = SingleLine.Clean(create.Title)!, EventId = create.EventId, FacilitatorId = actor.UserId!, PrivateWrite = create.PrivateWrite,
            DotBudget = create.DotBudget, OneDotPerNote = create.OneDotPerNote, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Columns = columns!.Select((c, i) => new BoardColumn { Position = i, Title = c.Title, Prompt = c.Prompt }).ToList(),
        };
        db.Boards.Add(board);
        await db.SaveChangesAsync(ct);
        return board.Id;
    }

    public async Task<IReadOnlyList<BoardTemplateOption>> TemplatesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "open boards");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = await db.BoardTemplates.AsNoTracking().Where(t => t.OwnerId == actor.UserId).OrderBy(t => t.Name).ToListAsync(ct);
        return [.. BoardTemplates.BuiltIn, .. own.Select(t => new BoardTemplateOption(BoardTemplates.OwnKey(t.Id), t.Name, ReadColumns(t)))];
    }

    /// <summary>Keeps the board's columns (titles and prompts) as the Coordinator's own template.</summary>
    public async Task<int> SaveTemplateAsync(Actor actor, int boardId, string name, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "save templates");
        new Validator().Required("Name", name, "The template name", BoardTemplate.NameMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireMemberAsync(db, actor, boardId, ct);
        var columns = await db.BoardColumns.AsNoTracking().Where(c => c.BoardId == boardId).OrderBy(c => c.Position)
            .Select(c => new TemplateColumn(c.Title, c.Prompt)).ToListAsync(ct);
        var template = new BoardTemplate
        {
            Name = SingleLine.Clean(name)!, OwnerId = actor.UserId!, ColumnsJson = JsonSerializer.Serialize(columns), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BoardTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    /// <summary>The workshops a new board can belong to: brainstorming workshops not cancelled and not long over.</summary>
    public async Task<IReadOnlyList<WorkshopOption>> WorkshopsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "open boards");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        return await db.CommunityEvents.AsNoTracking()
            .Where(e => e.Kind == EventKind.BrainstormingWorkshop && !e.IsCancelled && e.EndsAtUtc > since)
            .OrderBy(e => e.StartsAtUtc).Select(e => new WorkshopOption(e.Id, e.Title, e.StartsAtUtc)).Take(100).ToListAsync(ct);
    }

    /// <summary>The boards the person may join, newest first.</summary>
    public async Task<IReadOnlyList<BoardCard>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "see boards");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = actor.UserId;
        var query = db.Boards.AsNoTracking();
        if (!actor.CanCoordinate)
            query = query.Where(b => b.EventId == null || b.FacilitatorId == userId
                || db.EventRegistrations.Any(r => r.EventId == b.EventId && r.UserId == userId && r.Status == RegistrationStatus.Confirmed)
                || db.CommunityEvents.Any(e => e.Id == b.EventId && e.OrganiserId == userId));
        return await query.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Select(b => new BoardCard(b.Id, b.Title, db.CommunityEvents.Where(e => e.Id == b.EventId).Select(e => e.Title).FirstOrDefault(), b.Phase,
                db.BoardNotes.Count(n => n.BoardId == b.Id), b.CreatedAt))
            .Take(200).ToListAsync(ct);
    }

    public async Task<BoardView?> GetAsync(Actor actor, int boardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await BoardAccessRule.LoadAsync(db, boardId, ct);
        if (rule is null) return null;
        actor.Require(rule.MayJoin(actor), "take part in this board");
        var board = await db.Boards.AsNoTracking().Include(b => b.Columns).FirstAsync(b => b.Id == boardId, ct);
        var eventTitle = board.EventId is { } eventId ? await db.CommunityEvents.Where(e => e.Id == eventId).Select(e => e.Title).FirstOrDefaultAsync(ct) : null;
        var notes = await db.BoardNotes.AsNoTracking().Where(n => n.BoardId == boardId).OrderBy(n => n.ColumnId).ThenBy(n => n.Position).ToListAsync(ct);
        var votes = await db.BoardVotes.AsNoTracking().Where(v => v.BoardId == boardId).Select(v => new { v.NoteId, v.UserId }).ToListAsync(ct);
        var clusters = await db.BoardClusters.AsNoTracking().Where(c => c.BoardId == boardId).OrderBy(c => c.Id)
            .Select(c => new BoardClusterView(c.Id, c.Name, c.PracticeSlug, c.KnowledgeSlug)).ToListAsync(ct);
        var privateNow = board.PrivateWrite && !board.NotesRevealed;
        var visible = privateNow ? notes.Where(n => n.AuthorId == actor.UserId).ToList() : notes;
        var votesVisible = board.VotesRevealed || board.Phase == BoardPhase.Discuss;
        var totals = votes.GroupBy(v => v.NoteId).ToDictionary(g => g.Key, g => g.Count());
        return new BoardView(board.Id, board.Title, board.EventId, eventTitle, board.Phase, board.PrivateWrite, board.NotesRevealed, board.DotBudget,
            board.OneDotPerNote, board.VotesRevealed, board.Locked, board.Anonymous, board.TimerEndsAt, rule.MayFacilitate(actor),
            board.Columns.OrderBy(c => c.Position).Select(c => new BoardColumnView(c.Id, c.Title, c.Prompt)).ToList(),
            visible.Select(n => new BoardNoteView(n.Id, n.ColumnId, n.Position, n.Text, n.Colour, board.Anonymous ? null : n.AuthorName,
                n.AuthorId == actor.UserId, n.ClusterId, n.Version, votesVisible ? totals.GetValueOrDefault(n.Id) : null)).ToList(),
            clusters.Select(c => c with { PracticeSlug = BoardFollowUpService.Made(c.PracticeSlug), KnowledgeSlug = BoardFollowUpService.Made(c.KnowledgeSlug) }).ToList(),
            votes.Where(v => v.UserId == actor.UserId).GroupBy(v => v.NoteId).ToDictionary(g => g.Key, g => g.Count()),
            notes.Count - visible.Count);
    }

    public async Task<BoardNoteView> AddNoteAsync(Actor actor, int boardId, int columnId, string text, NoteColour colour, CancellationToken ct = default)
    {
        ValidateNote(text, colour);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var (board, rule) = await LoadForChangeAsync(db, actor, boardId, ct);
        if (board.Phase != BoardPhase.Write && !rule.MayFacilitate(actor))
            throw new ConflictException("Notes are added in the write phase; the facilitator has moved the board on.");
        if (!await db.BoardColumns.AnyAsync(c => c.Id == columnId && c.BoardId == boardId, ct))
            throw new ValidationFailedException("ColumnId", "Choose a column of this board.");
        var position = await db.BoardNotes.Where(n => n.ColumnId == columnId).MaxAsync(n => (int?)n.Position, ct) ?? -1;
        var note = new BoardNote
        {
            BoardId = boardId, ColumnId = columnId, Position = position + 1, Text = text.Trim(), Colour = colour, AuthorId = actor.UserId!,
            AuthorName = actor.DisplayName, CreatedAt = clock.GetUtcNow().UtcDateTime, Version = 1,
        };
        db.BoardNotes.Add(note);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await PublishAsync(board, actor, new BoardChanged(boardId, BoardChangeKind.NoteAdded, note.Id, Data(board, note)));
        return new BoardNoteView(note.Id, note.ColumnId, note.Position, note.Text, note.Colour, board.Anonymous ? null : note.AuthorName, true, null,
            note.Version, null);
    }

    /// <summary>
    /// Saves new text over <paramref name="expectedVersion"/>. The version is the note's concurrency token: if
    /// someone saved in between, the database refuses the update and the caller gets both texts.
    /// </summary>
    public async Task<BoardNoteView> EditNoteAsync(Actor actor, int noteId, string text, NoteColour colour, int expectedVersion, CancellationToken ct = default)
    {
        ValidateNote(text, colour);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.BoardNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct) ?? throw new NoteEditConflictException(text, null, 0);
        var (board, rule) = await LoadForChangeAsync(db, actor, note.BoardId, ct);
        actor.Require(note.AuthorId == actor.UserId || rule.MayFacilitate(actor), "edit other people's notes");
        if (board.Phase is BoardPhase.Vote or BoardPhase.Discuss && !rule.MayFacilitate(actor))
            throw new ConflictException("Notes can no longer be edited: the board is in the vote or discuss phase.");
        db.Entry(note).Property(n => n.Version).OriginalValue = expectedVersion;
        note.Text = text.Trim();
        note.Colour = colour;
        note.Version = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.BoardNotes.AsNoTracking().Where(n => n.Id == noteId).Select(n => new { n.Text, n.Version }).FirstOrDefaultAsync(ct);
            throw new NoteEditConflictException(text, current?.Text, current?.Version ?? 0);
        }
        await PublishAsync(board, actor, new BoardChanged(board.Id, BoardChangeKind.NoteEdited, note.Id, Data(board, note)));
        return View(board, note, actor);
    }

    /// <summary>Puts the note at <paramref name="index"/> in the column (clamped to its ends) and numbers the column again.</summary>
    public async Task<BoardNoteView> MoveNoteAsync(Actor actor, int noteId, int columnId, int index, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var note = await db.BoardNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct)
            ?? throw new ConflictException("Someone deleted that note while you were moving it.");
        var (board, rule) = await LoadForChangeAsync(db, actor, note.BoardId, ct);
        var allowed = rule.MayFacilitate(actor) || board.Phase switch
        {
            BoardPhase.Write => note.AuthorId == actor.UserId,
            BoardPhase.Group => true,
            _ => false,
        };
        actor.Require(allowed, board.Phase == BoardPhase.Write ? "move other people's notes before the group phase" : "move notes in this phase");
        if (!await db.BoardColumns.AnyAsync(c => c.Id == columnId && c.BoardId == board.Id, ct))
            throw new ValidationFailedException("ColumnId", "Choose a column of this board.");
        var column = await db.BoardNotes.Where(n => n.ColumnId == columnId && n.Id != noteId).OrderBy(n => n.Position).ThenBy(n => n.Id).ToListAsync(ct);
        column.Insert(Math.Clamp(index, 0, column.Count), note);
        note.ColumnId = columnId;
        for (var i = 0; i < column.Count; i++) column[i].Position = i;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await PublishAsync(board, actor, new BoardChanged(board.Id, BoardChangeKind.NoteMoved, note.Id, Data(board, note), column.Select(n => n.Id).ToList()));
        return View(board, note, actor);
    }

    public async Task DeleteNoteAsync(Actor actor, int noteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.BoardNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null) return;
        var (board, rule) = await LoadForChangeAsync(db, actor, note.BoardId, ct);
        actor.Require(note.AuthorId == actor.UserId || rule.MayFacilitate(actor), "delete other people's notes");
        // The note's dots go with it (cascade), so they return to the people who spent them.
        if (await db.BoardNotes.Where(n => n.Id == noteId).ExecuteDeleteAsync(ct) == 0) return;
        await PublishAsync(board, actor, new BoardChanged(board.Id, BoardChangeKind.NoteDeleted, noteId));
    }

    public async Task<int> AddClusterAsync(Actor actor, int boardId, string name, CancellationToken ct = default)
    {
        new Validator().Required("Name", name, "The cluster name", BoardCluster.NameMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (board, _) = await LoadForChangeAsync(db, actor, boardId, ct);
        RequireGroupPhase(board);
        var cluster = new BoardCluster { BoardId = boardId, Name = SingleLine.Clean(name)! };
        db.BoardClusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        await PublishAsync(board, actor, new BoardChanged(boardId, BoardChangeKind.Clusters));
        return cluster.Id;
    }

    /// <summary>Puts the note in a cluster of its board, or takes it out with null.</summary>
    public async Task SetClusterAsync(Actor actor, int noteId, int? clusterId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.BoardNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct)
            ?? throw new ConflictException("Someone deleted that note while you were grouping it.");
        var (board, _) = await LoadForChangeAsync(db, actor, note.BoardId, ct);
        RequireGroupPhase(board);
        if (clusterId is { } id && !await db.BoardClusters.AnyAsync(c => c.Id == id && c.BoardId == board.Id, ct))
            throw new ValidationFailedException("ClusterId", "Choose a cluster of this board.");
        note.ClusterId = clusterId;
        await db.SaveChangesAsync(ct);
        await PublishAsync(board, actor, new BoardChanged(board.Id, BoardChangeKind.Clusters, noteId));
    }

    /// <summary>
    /// Places one of the person's dots on the note. One conditional INSERT decides, inside a write transaction: it
    /// counts the person's dots on the board against the budget (and, where the board says so, their dots on this
    /// note) and inserts only if there is room, so two tabs voting at the same moment cannot overspend.
    /// </summary>
    public async Task<int> VoteAsync(Actor actor, int noteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var boardId = await db.BoardNotes.Where(n => n.Id == noteId).Select(n => (int?)n.BoardId).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("That note was deleted; your dot was not spent.");
        var (board, _) = await LoadForChangeAsync(db, actor, boardId, ct);
        if (board.Phase != BoardPhase.Vote) throw new ConflictException("Voting is not open on this board.");
        var userId = actor.UserId!;
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "BoardVotes" ("BoardId", "NoteId", "UserId", "CastAt")
            SELECT b."Id", n."Id", {userId}, {now}
            FROM "Boards" AS b JOIN "BoardNotes" AS n ON n."BoardId" = b."Id"
            WHERE n."Id" = {noteId} AND b."Phase" = {(int)BoardPhase.Vote} AND b."Locked" = {false}
              AND (SELECT COUNT(*) FROM "BoardVotes" AS v WHERE v."BoardId" = b."Id" AND v."UserId" = {userId}) < b."DotBudget"
              AND (b."OneDotPerNote" = {false} OR NOT EXISTS (SELECT 1 FROM "BoardVotes" AS v WHERE v."NoteId" = n."Id" AND v."UserId" = {userId}))
            """, ct);
        if (inserted == 0)
            throw new ConflictException(board.OneDotPerNote && await db.BoardVotes.AnyAsync(v => v.NoteId == noteId && v.UserId == userId, ct)
                ? "One dot per note on this board: you have already voted for this one."
                : $"You have spent all {board.DotBudget} of your dots. Take one back to vote for another note.");
        var total = await db.BoardVotes.CountAsync(v => v.NoteId == noteId, ct);
        await transaction.CommitAsync(ct);
        GatherVote(board.Id, noteId);
        return total;
    }

    /// <summary>Takes back one of the person's dots from the note.</summary>
    public async Task UnvoteAsync(Actor actor, int noteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var boardId = await db.BoardNotes.Where(n => n.Id == noteId).Select(n => (int?)n.BoardId).FirstOrDefaultAsync(ct);
        if (boardId is null) return;
        var (board, _) = await LoadForChangeAsync(db, actor, boardId.Value, ct);
        if (board.Phase != BoardPhase.Vote) throw new ConflictException("Voting is not open on this board.");
        var voteId = await db.BoardVotes.Where(v => v.NoteId == noteId && v.UserId == actor.UserId).Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
        if (voteId is null || await db.BoardVotes.Where(v => v.Id == voteId).ExecuteDeleteAsync(ct) == 0) return;
        GatherVote(board.Id, noteId);
    }

    public Task SetPhaseAsync(Actor actor, int boardId, BoardPhase phase, CancellationToken ct = default) =>
        FacilitateAsync(actor, boardId, BoardChangeKind.Phase, b =>
        {
            if (!Enum.IsDefined(phase)) throw new ValidationFailedException("Phase", "Choose write, group, vote or discuss.");
            b.Phase = phase;
            // Private notes cannot be grouped or voted on unseen: leaving the write phase reveals them.
            if (phase != BoardPhase.Write) b.NotesRevealed = true;
        }, ct);

    public Task RevealNotesAsync(Actor actor, int boardId, CancellationToken ct = default) =>
        FacilitateAsync(actor, boardId, BoardChangeKind.Settings, b => b.NotesRevealed = true, ct);

    public Task RevealVotesAsync(Actor actor, int boardId, CancellationToken ct = default) =>
        FacilitateAsync(actor, boardId, BoardChangeKind.Settings, b => b.VotesRevealed = true, ct);

    public Task SetLockedAsync(Actor actor, int boardId, bool locked, CancellationToken ct = default) =>
        FacilitateAsync(actor, boardId, BoardChangeKind.Settings, b => b.Locked = locked, ct);

    /// <summary>Anonymous for the whole session: once on, it stays on, so names shown to nobody cannot reappear later.</summary>
    public Task MakeAnonymousAsync(Actor actor, int boardId, CancellationToken ct = default) =>
        FacilitateAsync(actor, boardId, BoardChangeKind.Settings, b => b.Anonymous = true, ct);

    /// <summary>Starts a countdown everyone sees; 0 minutes stops it.</summary>
    public Task SetTimerAsync(Actor actor, int boardId, int minutes, CancellationToken ct = default)
    {
        new Validator().Range("Minutes", minutes, "The timer", 0, MaxTimerMinutes).ThrowIfInvalid();
        return FacilitateAsync(actor, boardId, BoardChangeKind.Settings,
            b => b.TimerEndsAt = minutes == 0 ? null : clock.GetUtcNow().UtcDateTime.AddMinutes(minutes), ct);
    }

    /// <summary>
    /// From results to action: the board's top clusters by dots become agenda items of a follow-up event, each
    /// linking back to the board.
    /// </summary>
    public async Task AddToEventAgendaAsync(Actor actor, int boardId, int eventId, string boardUrl, int top = 3, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "change events");
        var summary = await ResultsAsync(actor, boardId, ct);
        var clusters = summary.Clusters.Where(c => c.Votes > 0).Take(top).ToList();
        if (clusters.Count == 0) throw new ConflictException("No cluster has any dots yet: group and vote first.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.CommunityEvents.FirstOrDefaultAsync(e => e.Id == eventId, ct) ?? throw new NotFoundException("The event");
        if (ev.IsCancelled) throw new ConflictException("That event was cancelled.");
        var items = string.Join("\n", clusters.Select((c, i) => $"{i + 1}. **{Escape(c.Name)}** ({c.Votes} dots): from [{Escape(summary.Title)}]({boardUrl})"));
        var agenda = $"{ev.Agenda.TrimEnd()}\n\n### From the board \"{Escape(summary.Title)}\"\n\n{items}\n".TrimStart();
        if (agenda.Length > CommunityEvent.AgendaMax) throw new ValidationFailedException("Agenda", "The event's agenda has no room for these items.");
        ev.Agenda = agenda;
        ev.Sequence++;
        ev.Version++;
        ev.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The results as the person may see them: clusters and notes by dots, private notes of others left out before the reveal.</summary>
    public async Task<BoardResults> ResultsAsync(Actor actor, int boardId, CancellationToken ct = default)
    {
        var view = await GetAsync(actor, boardId, ct) ?? throw new NotFoundException("The board");
        return BoardResults.From(view);
    }

    private static string Escape(string text) => text.Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*");

    private async Task FacilitateAsync(Actor actor, int boardId, BoardChangeKind kind, Action<Board> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await BoardAccessRule.LoadAsync(db, boardId, ct) ?? throw new NotFoundException("The board");
        actor.Require(rule.MayFacilitate(actor), "facilitate this board");
        var board = await db.Boards.FirstAsync(b => b.Id == boardId, ct);
        change(board);
        await db.SaveChangesAsync(ct);
        await PublishAsync(board, actor, new BoardChanged(boardId, kind));
    }

    /// <summary>
    /// The board and its rule as they concern this person, in one query: every note change asks it, and the whole rule
    /// would read every registration of the workshop (300 at a big one) only to look for one.
    /// </summary>
    private static async Task<(Board Board, BoardAccessRule Rule)> LoadForChangeAsync(HrcDbContext db, Actor actor, int boardId, CancellationToken ct)
    {
        var userId = actor.UserId;
        var found = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new
        {
            Board = b,
            OrganiserId = db.CommunityEvents.Where(e => e.Id == b.EventId).Select(e => e.OrganiserId).FirstOrDefault(),
            Registered = db.EventRegistrations.Any(r => r.EventId == b.EventId && r.UserId == userId && r.Status == RegistrationStatus.Confirmed),
        }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The board");
        var board = found.Board;
        var rule = new BoardAccessRule(board.FacilitatorId, found.OrganiserId, board.EventId is null,
            found.Registered && userId is not null ? new HashSet<string>([userId], StringComparer.Ordinal) : new HashSet<string>());
        actor.Require(rule.MayJoin(actor), "take part in this board");
        if (board.Locked && !rule.MayFacilitate(actor)) throw new ConflictException("The facilitator has locked the board for now.");
        return (board, rule);
    }

    private static async Task RequireMemberAsync(HrcDbContext db, Actor actor, int boardId, CancellationToken ct)
    {
        var rule = await BoardAccessRule.LoadAsync(db, boardId, ct) ?? throw new NotFoundException("The board");
        actor.Require(rule.MayJoin(actor), "take part in this board");
    }

    private static void RequireGroupPhase(Board board)
    {
        if (board.Phase != BoardPhase.Group) throw new ConflictException("Clusters are made in the group phase.");
    }

    private static void ValidateNote(string text, NoteColour colour) => new Validator()
        .Required("Text", text, "The note", BoardNote.TextMax)
        .Check(Enum.IsDefined(colour), "Colour", "Choose a colour from the palette.")
        .ThrowIfInvalid();

    /// <summary>What followers are told about a note: nothing of its content or author while it is private.</summary>
    private static BoardNoteData Data(Board board, BoardNote note) => board.PrivateWrite && !board.NotesRevealed
        ? new BoardNoteData(note.Id, note.ColumnId, note.Position, null, note.Colour, null, null, note.Version)
        : new BoardNoteData(note.Id, note.ColumnId, note.Position, note.Text, note.Colour, board.Anonymous ? null : note.AuthorName, note.ClusterId, note.Version);

    private static BoardNoteView View(Board board, BoardNote note, Actor actor) =>
        new(note.Id, note.ColumnId, note.Position, note.Text, note.Colour, board.Anonymous ? null : note.AuthorName, note.AuthorId == actor.UserId,
            note.ClusterId, note.Version, null);

    /// <summary>
    /// Notes a saved dot for the board's next <see cref="BoardChangeKind.Voted"/>; the first dot of a window starts it.
    /// The dot is in the database already: what waits is only the announcement.
    /// </summary>
    private void GatherVote(int boardId, int noteId)
    {
        var notes = _votedNotes.GetOrAdd(boardId, _ => []);
        bool first;
        lock (notes)
        {
            first = notes.Count == 0;
            notes.Add(noteId);
        }
        if (first) _ = AnnounceVotesAsync(boardId, notes);
    }

    /// <summary>
    /// One change for the window's dots, with totals read after it closed, so they are the database's and never an
    /// older count overtaking a newer one. Hidden votes go out without notes or totals: followers learn only that
    /// people voted. Dots of several people, so no actor.
    /// </summary>
    private async Task AnnounceVotesAsync(int boardId, HashSet<int> notes)
    {
        await Task.Delay(VoteWindow, clock);
        int[] noteIds;
        lock (notes)
        {
            noteIds = [.. notes];
            notes.Clear();
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var board = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new { b.VotesRevealed, b.Phase }).FirstOrDefaultAsync();
            if (board is null) return;
            IReadOnlyDictionary<int, int>? totals = null;
            if (board.VotesRevealed || board.Phase == BoardPhase.Discuss)
            {
                var counted = await db.BoardVotes.AsNoTracking().Where(v => noteIds.Contains(v.NoteId)).GroupBy(v => v.NoteId)
                    .Select(g => new { NoteId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.NoteId, g => g.Count);
                totals = noteIds.ToDictionary(id => id, id => counted.GetValueOrDefault(id));
            }
            await notifier.PublishAsync(Board.TopicOf(boardId), null, new BoardChanged(boardId, BoardChangeKind.Voted, Totals: totals));
        }
        catch (Exception)
        {
            // The dots are saved; only their announcement failed (the database was busy): it goes out with the next window's.
            foreach (var noteId in noteIds) GatherVote(boardId, noteId);
        }
    }

    /// <summary>On an anonymous board the change goes out without its actor: hub clients would otherwise learn who wrote what.</summary>
    private Task PublishAsync(Board board, Actor actor, BoardChanged change) =>
        notifier.PublishAsync(Board.TopicOf(board.Id), board.Anonymous ? null : actor.UserId, change);

    private static async Task<IReadOnlyList<TemplateColumn>?> TemplateColumnsAsync(HrcDbContext db, Actor actor, string key, CancellationToken ct)
    {
        if (BoardTemplates.BuiltIn.FirstOrDefault(t => t.Key == key) is { } builtIn) return builtIn.Columns;
        if (!key.StartsWith("own:", StringComparison.Ordinal) || !int.TryParse(key.AsSpan(4), out var id)) return null;
        var own = await db.BoardTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.OwnerId == actor.UserId, ct);
        return own is null ? null : ReadColumns(own);
    }

    private static IReadOnlyList<TemplateColumn> ReadColumns(BoardTemplate template) =>
        JsonSerializer.Deserialize<List<TemplateColumn>>(template.ColumnsJson) ?? [];
}
