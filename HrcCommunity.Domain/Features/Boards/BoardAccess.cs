using System.Collections.Concurrent;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Boards;

/// <summary>Who may take part in one board, as read from the database at one moment.</summary>
public sealed record BoardAccessRule(string FacilitatorId, string? OrganiserId, bool StandAlone, IReadOnlySet<string> Registered)
{
    /// <summary>
    /// Approved practitioners registered for the workshop (every approved practitioner for a stand-alone board), the
    /// workshop's organiser, and Coordinators.
    /// </summary>
    public bool MayJoin(Actor actor) =>
        actor.UserId is { } userId && actor.IsApproved
        && (actor.CanCoordinate || userId == FacilitatorId || userId == OrganiserId
            || (actor.CanSeePractitionerLayer && (StandAlone || Registered.Contains(userId))));

    /// <summary>The Coordinator who opened the board, or the organiser of its workshop (and admins, who stand in for anyone).</summary>
    public bool MayFacilitate(Actor actor) =>
        actor.IsAdmin || (actor.CanCoordinate && actor.UserId is { } userId && (userId == FacilitatorId || userId == OrganiserId));

    public static async Task<BoardAccessRule?> LoadAsync(HrcDbContext db, int boardId, CancellationToken ct)
    {
        var board = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new { b.FacilitatorId, b.EventId }).FirstOrDefaultAsync(ct);
        if (board is null) return null;
        if (board.EventId is not { } eventId) return new(board.FacilitatorId, null, true, new HashSet<string>());
        var organiser = await db.CommunityEvents.Where(e => e.Id == eventId).Select(e => e.OrganiserId).FirstOrDefaultAsync(ct);
        var registered = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.UserId).ToListAsync(ct);
        return new(board.FacilitatorId, organiser, false, registered.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// The board rule for live streams, whose rule is synchronous (it is asked on every hub join and every delivered
/// change). Rules are cached for <see cref="Freshness"/>: a registration cancelled a moment ago may still follow for
/// that long, while every write goes through <see cref="BoardService"/>, which reads the rule afresh.
/// </summary>
public sealed class BoardAccess(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, (BoardAccessRule? Rule, DateTimeOffset ReadAt)> _rules = new();

    public static bool TryParseTopic(string topic, out int boardId)
    {
        boardId = 0;
        return topic.StartsWith("board:", StringComparison.Ordinal) && int.TryParse(topic.AsSpan("board:".Length), out boardId)
            && topic == Board.TopicOf(boardId);
    }

    public bool MayFollow(Actor actor, string topic)
    {
        if (!TryParseTopic(topic, out var boardId) || !actor.IsApproved) return false;
        var now = clock.GetUtcNow();
        if (!_rules.TryGetValue(boardId, out var cached) || now - cached.ReadAt > Freshness)
        {
            using var db = dbFactory.CreateDbContext();
            // Microsoft.Data.Sqlite completes its async calls synchronously: this blocks no longer than a sync query.
            cached = (BoardAccessRule.LoadAsync(db, boardId, CancellationToken.None).GetAwaiter().GetResult(), now);
            _rules[boardId] = cached;
        }
        return cached.Rule?.MayJoin(actor) == true;
    }
}
