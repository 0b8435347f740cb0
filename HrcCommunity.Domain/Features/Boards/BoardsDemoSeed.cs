using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Boards;

/// <summary>
/// The demo workshop's board in the write phase, with notes from Graz and Utrecht (the demo Coordinator and
/// practitioner), and a finished stand-alone board in the discuss phase with clusters and dots.
/// </summary>
public sealed class BoardsDemoSeed(TimeProvider clock) : ISeed
{
    public int Order => 75;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.Boards.AnyAsync(ct)) return;
        var coordinator = await db.Users.FirstOrDefaultAsync(u => u.Email == "coordinator@demo.hrc.local", ct);
        var practitioner = await db.Users.FirstOrDefaultAsync(u => u.Email == "practitioner@demo.hrc.local", ct);
        var workshop = await db.CommunityEvents.Where(e => e.Kind == EventKind.BrainstormingWorkshop).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (coordinator is null || practitioner is null || workshop is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.EventRegistrations.AnyAsync(r => r.EventId == workshop.Id && r.UserId == practitioner.Id, ct))
        {
            var seat = (await db.EventRegistrations.Where(r => r.EventId == workshop.Id).MaxAsync(r => r.Seat, ct) ?? 0) + 1;
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = workshop.Id, UserId = practitioner.Id, Status = RegistrationStatus.Confirmed, Seat = seat, RegisteredAt = now, QueuedAt = now,
            });
        }

        Board NewBoard(string title, string template, int? eventId, BoardPhase phase) => new()
        {
            Title = title, EventId = eventId, FacilitatorId = coordinator.Id, Phase = phase, DotBudget = 3, CreatedAt = now,
            NotesRevealed = phase != BoardPhase.Write, VotesRevealed = phase == BoardPhase.Discuss,
            Columns = BoardTemplates.BuiltIn.First(t => t.Key == template).Columns
                .Select((c, i) => new BoardColumn { Position = i, Title = c.Title, Prompt = c.Prompt }).ToList(),
        };
        var live = NewBoard("Welcoming refugees: what we bring", "challenges-ideas-actions", workshop.Id, BoardPhase.Write);
        var done = NewBoard("Housing rights: what the network learnt in 2026", "rights-responses-partners", null, BoardPhase.Discuss);
        db.Boards.AddRange(live, done);
        await db.SaveChangesAsync(ct);

        BoardNote Note(Board board, int column, int position, string text, NoteColour colour, Accounts.AppUser author, BoardCluster? cluster = null) => new()
        {
            BoardId = board.Id, ColumnId = board.Columns[column].Id, Position = position, Text = text, Colour = colour, AuthorId = author.Id,
            AuthorName = author.DisplayName, ClusterId = cluster?.Id, Version = 1, CreatedAt = now,
        };
        db.BoardNotes.AddRange(
            Note(live, 0, 0, "Graz: people wait months for a first appointment at the housing office.", NoteColour.Yellow, coordinator),
            Note(live, 1, 0, "Graz: a welcome desk in the town hall staffed with interpreters.", NoteColour.Green, coordinator),
            Note(live, 0, 1, "Utrecht: language courses end before people find work.", NoteColour.Pink, practitioner),
            Note(live, 1, 1, "Utrecht: pair every newcomer family with a neighbour volunteer.", NoteColour.Blue, practitioner));

        var evictions = new BoardCluster { BoardId = done.Id, Name = "Evictions and emergency housing" };
        var data = new BoardCluster { BoardId = done.Id, Name = "Knowing who is affected" };
        db.BoardClusters.AddRange(evictions, data);
        await db.SaveChangesAsync(ct);
        var notes = new[]
        {
            Note(done, 0, 0, "Evictions in winter without any alternative offered.", NoteColour.Orange, coordinator, evictions),
            Note(done, 1, 0, "Graz: the city pays rent arrears before a court date.", NoteColour.Green, coordinator, evictions),
            Note(done, 0, 1, "No figures on homelessness among young people.", NoteColour.Yellow, practitioner, data),
            Note(done, 1, 1, "Utrecht: a yearly count with outreach workers.", NoteColour.Blue, practitioner, data),
            Note(done, 2, 0, "Tenants' associations and legal aid clinics.", NoteColour.Purple, practitioner, evictions),
        };
        db.BoardNotes.AddRange(notes);
        await db.SaveChangesAsync(ct);
        db.BoardVotes.AddRange(
            new BoardVote { BoardId = done.Id, NoteId = notes[1].Id, UserId = coordinator.Id, CastAt = now },
            new BoardVote { BoardId = done.Id, NoteId = notes[1].Id, UserId = practitioner.Id, CastAt = now },
            new BoardVote { BoardId = done.Id, NoteId = notes[0].Id, UserId = practitioner.Id, CastAt = now },
            new BoardVote { BoardId = done.Id, NoteId = notes[3].Id, UserId = coordinator.Id, CastAt = now },
            new BoardVote { BoardId = done.Id, NoteId = notes[4].Id, UserId = practitioner.Id, CastAt = now });
        await db.SaveChangesAsync(ct);
    }
}
