using System.Collections.Concurrent;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>Whether a room takes posts from participants, and whom a moderator muted.</summary>
internal sealed record RoomRules(bool IsLocked, IReadOnlySet<string> Muted);

/// <summary>A room member as a message shows its author.</summary>
internal sealed record RoomPerson(string DisplayName, string City);

/// <summary>The room's members by id and by name, and the @mention pattern built from their names.</summary>
internal sealed class RoomPeople
{
    private readonly IReadOnlyDictionary<string, RoomPerson> _byId;
    private readonly ILookup<string, string> _idsByName;

    public RoomPeople(IReadOnlySet<string> members, IReadOnlyDictionary<string, RoomPerson> byId)
    {
        Members = members;
        _byId = byId;
        _idsByName = byId.ToLookup(p => p.Value.DisplayName, p => p.Key, StringComparer.OrdinalIgnoreCase);
        Mentions = new MentionFinder(byId.Values.Select(p => p.DisplayName));
    }

    /// <summary>The roster's member set this was read for: a new roster (a registration) means reading the people again.</summary>
    public IReadOnlySet<string> Members { get; }

    public MentionFinder Mentions { get; }

    public RoomPerson? Find(string userId) => _byId.GetValueOrDefault(userId);

    /// <summary>Everyone a mentioned name may mean: two members can share a name, and both are told.</summary>
    public IEnumerable<string> IdsOf(string name) => _idsByName[name];
}

/// <summary>
/// What a post is judged by, held in memory per room so that a post reads nothing from the database: the lock and the
/// mutes (dropped on every <see cref="SettingsChanged"/> on the room's topic, which reaches every process that follows it,
/// and at once by the moderator's own call), the members' names for @mentions (read again whenever
/// <see cref="DialogueAccess"/> reads a new roster).
/// </summary>
internal sealed class RoomPostCache(IDbContextFactory<HrcDbContext> dbFactory, DialogueAccess access, ILiveNotifier<RoomChange> notifier)
{
    private readonly ConcurrentDictionary<int, RoomState> _rooms = new();
    private readonly ConcurrentDictionary<int, RoomPeople> _people = new();
    private readonly SharedReads<int, RoomPeople> _peopleReads = new();

    public static void RequireMayWrite(RoomRules rules, Actor actor, RoomRole role)
    {
        if (role == RoomRole.Moderator) return;
        if (rules.IsLocked)
            throw new ConflictException("The room is locked: only moderators can post now. You can still read, react and raise your hand.");
        if (rules.Muted.Contains(actor.UserId!))
            throw new ConflictException("A moderator muted you in this room: you can read, react and raise your hand, but not post.");
    }

    public async ValueTask<RoomRules> RulesAsync(int eventId, CancellationToken ct)
    {
        var room = Follow(eventId);
        int version;
        lock (room)
        {
            if (room.Rules is { } rules) return rules;
            version = room.Version;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var locked = await db.DialogueRooms.AsNoTracking().AnyAsync(r => r.EventId == eventId && r.IsLocked, ct);
        var muted = await db.DialogueMutes.AsNoTracking().Where(m => m.EventId == eventId).Select(m => m.UserId).ToListAsync(ct);
        var loaded = new RoomRules(locked, muted.ToHashSet(StringComparer.Ordinal));
        // A change that landed while this was read wins: what was read may already be out of date.
        lock (room) if (room.Version == version) room.Rules = loaded;
        return loaded;
    }

    /// <summary>The room's lock or mutes changed: the next post reads them afresh.</summary>
    public void Forget(int eventId)
    {
        if (!_rooms.TryGetValue(eventId, out var room)) return;
        lock (room)
        {
            room.Version++;
            room.Rules = null;
        }
    }

    public async ValueTask<RoomPeople> PeopleAsync(int eventId, CancellationToken ct)
    {
        var members = await access.MembersAsync(eventId, ct);
        return Known(eventId, members)
            // Every post in the room meets a new roster at about the same moment. A read that ended between the look
            // above and this one has already stored its people: looking again spares a second read.
            ?? await _peopleReads.ReadAsync(eventId, async () => Known(eventId, members) ?? await ReadPeopleAsync(eventId, members), ct);
    }

    private RoomPeople? Known(int eventId, IReadOnlySet<string> members) =>
        _people.TryGetValue(eventId, out var known) && ReferenceEquals(known.Members, members) ? known : null;

    private async Task<RoomPeople> ReadPeopleAsync(int eventId, IReadOnlySet<string> members)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = members.ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.City }).ToListAsync();
        var people = new RoomPeople(members, rows.ToDictionary(u => u.Id, u => new RoomPerson(u.DisplayName, u.City), StringComparer.Ordinal));
        _people[eventId] = people;
        return people;
    }

    /// <summary>Someone who posts without a seat (a Coordinator): read each time, as they are few.</summary>
    public async Task<RoomPerson> PersonAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new RoomPerson(u.DisplayName, u.City)).FirstAsync(ct);
    }

    private RoomState Follow(int eventId)
    {
        var room = _rooms.GetOrAdd(eventId, _ => new RoomState());
        lock (room)
            room.Subscription ??= notifier.Subscribe(DialogueAccess.TopicOf(eventId), change =>
            {
                if (change.Change is SettingsChanged) Forget(eventId);
                return Task.CompletedTask;
            });
        return room;
    }

    private sealed class RoomState
    {
        public RoomRules? Rules;
        public int Version;
        public ILiveSubscription? Subscription;
    }
}

/// <summary>A post judged and waiting for its write; <see cref="Posted"/> answers the sender.</summary>
internal sealed record RoomPost(Actor Actor, RoomRole Role, DialogueMessage Row, IReadOnlySet<string> Mentioned, string? RepliedToAuthor,
    TaskCompletionSource<RoomMessage> Posted);

/// <summary>
/// Group commit for room messages: while one batch is being written, the posts that arrive wait and then go to the
/// database together, in one transaction, so SQLite's single writer pays one commit for many posts. Nothing is answered
/// before its batch is saved.
/// </summary>
internal sealed class RoomPostWriter(Func<IReadOnlyList<RoomPost>, Task> write)
{
    public const int MaxBatch = 500;

    private readonly List<RoomPost> _waiting = [];
    private bool _writing;

    /// <summary>Posts waiting for the database, by <see cref="RetryKey"/>: a retry joins the first one's answer.</summary>
    public ConcurrentDictionary<string, Task<RoomMessage>> InFlight { get; } = new(StringComparer.Ordinal);

    public static string RetryKey(int eventId, string userId, string clientMessageId) => $"{eventId}\n{userId}\n{clientMessageId}";

    public void Enqueue(RoomPost post)
    {
        lock (_waiting)
        {
            _waiting.Add(post);
            if (_writing) return;
            _writing = true;
        }
        _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<RoomPost> batch;
            lock (_waiting)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _waiting.Take(MaxBatch).ToList();
                _waiting.RemoveRange(0, batch.Count);
            }
            try
            {
                await write(batch);
            }
            catch (Exception ex)
            {
                foreach (var post in batch) post.Posted.TrySetException(ex);
            }
        }
    }
}
