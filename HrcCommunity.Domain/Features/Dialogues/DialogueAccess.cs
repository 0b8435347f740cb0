using System.Collections.Concurrent;
using System.Globalization;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Dialogues;

public enum RoomRole
{
    /// <summary>There is no such event.</summary>
    NoRoom,
    /// <summary>The event exists but the person is not one of its confirmed participants.</summary>
    Outsider,
    Participant,
    /// <summary>The event's named moderator, its organiser, or a Coordinator: everything a participant does, and the moderator tools.</summary>
    Moderator,
}

/// <summary>
/// Who may be in an event's room: its confirmed participants, its moderator, organiser and Coordinators, all with an approved
/// account. The page, the room's services and the hub topic all ask this one rule. Every live event a follower receives
/// asks it again, so each room's roster is held in memory for a few seconds instead of queried per event.
/// </summary>
public sealed class DialogueAccess(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How long a roster answers before it is read again: at most this long after a registration is cancelled, its room still admits the person.</summary>
    public static readonly TimeSpan RosterFor = TimeSpan.FromSeconds(10);

    private const string TopicPrefix = "room:";

    private static readonly IReadOnlySet<string> NoMembers = new HashSet<string>();

    private readonly ConcurrentDictionary<int, Roster> _rosters = new();
    private readonly SharedReads<int, Roster?> _reads = new();

    public static string TopicOf(int eventId) => TopicPrefix + eventId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseTopic(string topic, out int eventId)
    {
        eventId = 0;
        return topic.StartsWith(TopicPrefix, StringComparison.Ordinal)
            && int.TryParse(topic.AsSpan(TopicPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out eventId)
            && topic == TopicOf(eventId);
    }

    public async ValueTask<RoomRole> RoleAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        var roster = await RosterAsync(eventId, forceIfOlderThan: null, ct);
        if (roster is null) return RoomRole.NoRoom;
        if (!actor.CanSeePractitionerLayer) return RoomRole.Outsider;
        if (actor.CanCoordinate || roster.OrganiserId == actor.UserId || roster.ModeratorId == actor.UserId) return RoomRole.Moderator;
        if (!roster.Confirmed.Contains(actor.UserId!))
        {
            // A person the roster does not name reads it afresh, so a new registration (or being named moderator) opens the
            // room at once; only outsiders pay for that, and they do not follow the room's events.
            roster = await RosterAsync(eventId, TimeSpan.Zero, ct);
            if (roster is not null && roster.ModeratorId == actor.UserId) return RoomRole.Moderator;
            if (roster is null || !roster.Confirmed.Contains(actor.UserId!)) return RoomRole.Outsider;
        }
        return RoomRole.Participant;
    }

    /// <summary>For the hub topic and pages following it: may the person follow <paramref name="topic"/>?</summary>
    public async ValueTask<bool> MayFollowAsync(Actor actor, string topic) =>
        TryParseTopic(topic, out var eventId) && await RoleAsync(actor, eventId) >= RoomRole.Participant;

    /// <summary>
    /// The confirmed participants, the moderator and the organiser: whom an @mention may name. The same set until the
    /// roster is read again.
    /// </summary>
    internal async Task<IReadOnlySet<string>> MembersAsync(int eventId, CancellationToken ct)
    {
        var roster = await RosterAsync(eventId, forceIfOlderThan: null, ct);
        return roster is null ? NoMembers : roster.Members;
    }

    private async ValueTask<Roster?> RosterAsync(int eventId, TimeSpan? forceIfOlderThan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_rosters.TryGetValue(eventId, out var cached) && now - cached.LoadedAt < (forceIfOlderThan ?? RosterFor)) return cached;
        // A forced read must see what was committed before this call, so it cannot join a read already under way.
        if (forceIfOlderThan is not null) return await ReadAsync(eventId, ct);
        // When a roster runs out, every post and every follower of the room asks at once (a thousand in a full room).
        return await _reads.ReadAsync(eventId, () => ReadAsync(eventId, CancellationToken.None), ct);
    }

    private async Task<Roster?> ReadAsync(int eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.OrganiserId, e.ModeratorId }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            _rosters.TryRemove(eventId, out _);
            return null;
        }
        var confirmed = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed).Select(r => r.UserId).ToListAsync(ct);
        var roster = new Roster(ev.OrganiserId, ev.ModeratorId, confirmed.ToHashSet(StringComparer.Ordinal), now);
        _rosters[eventId] = roster;
        return roster;
    }

    /// <remarks><see cref="Members"/> is one set per roster read, so a caller can tell by reference whether the roster was read again.</remarks>
    private sealed record Roster(string OrganiserId, string? ModeratorId, IReadOnlySet<string> Confirmed, DateTimeOffset LoadedAt)
    {
        public IReadOnlySet<string> Members { get; } =
            new HashSet<string>(Confirmed.Append(OrganiserId).Concat(ModeratorId is { } m ? [m] : []), StringComparer.Ordinal);
    }
}
