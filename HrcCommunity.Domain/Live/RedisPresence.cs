using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// Presence shared by every instance. Each topic is a sorted set in Redis with one entry per person per instance,
/// scored by when it expires; an instance renews its own entries every third of <see cref="RedisOptions.PresenceTimeout"/>,
/// so a crashed instance's entries run out and the next sweep removes them and announces who left. Joins and leaves
/// are gathered per topic and announced over the live bus at most once per <see cref="InProcessPresence.Window"/>,
/// as in one process; a person with views on two instances leaves only when the last of them closes.
/// </summary>
public sealed class RedisPresence(
    IConnectionMultiplexer redis,
    ILiveNotifier<PresenceChanged> notifier,
    IOptions<RedisOptions> options,
    TimeProvider clock,
    ILogger<RedisPresence> logger) : BackgroundService, IPresence
{
    // Removes and returns the entries that expired, in one step: of two instances sweeping at once, one announces the leave.
    private const string Sweep = """
        local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
        return gone
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly IDatabase _db = redis.GetDatabase();
    private readonly TimeSpan _timeout = options.Value.PresenceTimeout;
    private readonly string _prefix = options.Value.Prefix + "presence:";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TopicPresence> _topics = new(StringComparer.Ordinal);

    public IAsyncDisposable Join(string topic, PresenceMember member)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state)) _topics[topic] = state = new TopicPresence();
            if (state.Arrive(member, Entry(member)))
            {
                // Fire and forget keeps the caller's render quick; commands on one connection still arrive in order.
                _db.SortedSetAdd(Key(topic), state.Members[member.UserId].Entry, ExpiresAt(), CommandFlags.FireAndForget);
                ScheduleFlush(topic, state);
            }
        }
        return new Handle(this, topic, member.UserId);
    }

    /// <summary>Everyone on the topic on any instance, with this instance's own people even before Redis has them.</summary>
    public PresenceSnapshot Snapshot(string topic)
    {
        var present = new Dictionary<string, PresenceMember>(StringComparer.Ordinal);
        try
        {
            foreach (var member in Live(_db.SortedSetRangeByScore(Key(topic), Now(), double.PositiveInfinity))) present.TryAdd(member.UserId, member);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not read presence on {Topic} from Redis; showing this instance's people only", topic);
        }
        lock (_lock)
        {
            if (_topics.TryGetValue(topic, out var state))
                foreach (var (userId, local) in state.Members) present.TryAdd(userId, local.Member);
        }
        return new PresenceSnapshot(topic, present.Values.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_timeout / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await HeartbeatAsync();
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogWarning(ex, "Could not renew presence in Redis");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A clean stop takes this instance's people out at once, rather than after the timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        List<(string Topic, RedisValue[] Entries, List<string> UserIds)> leaving;
        lock (_lock)
        {
            leaving = _topics.Select(t => (t.Key, t.Value.Members.Values.Select(m => (RedisValue)m.Entry).ToArray(), t.Value.Members.Keys.ToList())).ToList();
            _topics.Clear();
        }
        try
        {
            foreach (var (topic, entries, userIds) in leaving)
            {
                await _db.SortedSetRemoveAsync(Key(topic), entries);
                await AnnounceAsync(topic, [], userIds);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not remove this instance's presence from Redis; it expires on its own");
        }
    }

    /// <summary>Renews this instance's entries, then sweeps the topics it shows for entries whose instance stopped renewing.</summary>
    internal async Task HeartbeatAsync()
    {
        List<(string Topic, SortedSetEntry[] Entries)> renew;
        lock (_lock)
        {
            var expires = ExpiresAt();
            renew = _topics.Select(t => (t.Key, t.Value.Members.Values.Select(m => new SortedSetEntry(m.Entry, expires)).ToArray())).ToList();
        }
        foreach (var (topic, entries) in renew)
        {
            if (entries.Length > 0) await _db.SortedSetAddAsync(Key(topic), entries);
            await _db.KeyExpireAsync(Key(topic), _timeout * 2);
            var gone = (RedisValue[]?)await _db.ScriptEvaluateAsync(Sweep, [Key(topic)], [Now()]) ?? [];
            if (gone.Length > 0) await AnnounceAsync(topic, [], Live(gone).Select(m => m.UserId).Distinct().ToList());
        }
    }

    private void Leave(string topic, string userId)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state) || state.Depart(userId) is not { } entry) return;
            _db.SortedSetRemove(Key(topic), entry, CommandFlags.FireAndForget);
            ScheduleFlush(topic, state);
        }
    }

    private void ScheduleFlush(string topic, TopicPresence state)
    {
        if (state.FlushScheduled) return;
        state.FlushScheduled = true;
        var wait = state.LastFlush + InProcessPresence.Window - clock.GetUtcNow();
        _ = FlushAsync(topic, state, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    private async Task FlushAsync(string topic, TopicPresence state, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        else await Task.Yield();
        List<PresenceMember> joined;
        List<string> left;
        lock (_lock)
        {
            (joined, left) = state.TakeChange();
            state.FlushScheduled = false;
            state.LastFlush = clock.GetUtcNow();
            if (state.Members.Count == 0 && _topics.GetValueOrDefault(topic) == state) _topics.Remove(topic);
        }
        if (joined.Count == 0 && left.Count == 0) return;
        try
        {
            await AnnounceAsync(topic, joined, left);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not announce presence on {Topic}", topic);
        }
    }

    /// <summary>Someone who left here but is still on another instance has not left the topic.</summary>
    private async Task AnnounceAsync(string topic, IReadOnlyList<PresenceMember> joined, IReadOnlyList<string> left)
    {
        var present = Live(await _db.SortedSetRangeByScoreAsync(Key(topic), Now(), double.PositiveInfinity)).Select(m => m.UserId)
            .ToHashSet(StringComparer.Ordinal);
        var gone = left.Where(u => !present.Contains(u)).ToList();
        if (joined.Count == 0 && gone.Count == 0) return;
        await notifier.PublishAsync(topic, null, new PresenceChanged(topic, present.Count, joined, gone));
    }

    private string Entry(PresenceMember member) => _instance + "|" + JsonSerializer.Serialize(member, Json);

    private IEnumerable<PresenceMember> Live(RedisValue[] entries)
    {
        foreach (var entry in entries)
        {
            var text = (string)entry!;
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0) continue;
            PresenceMember? member;
            try
            {
                member = JsonSerializer.Deserialize<PresenceMember>(text.AsSpan(bar + 1), Json);
            }
            catch (JsonException)
            {
                continue;
            }
            if (member is not null) yield return member;
        }
    }

    private RedisKey Key(string topic) => _prefix + topic;

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private double ExpiresAt() => (clock.GetUtcNow() + _timeout).ToUnixTimeMilliseconds();

    private sealed class TopicPresence
    {
        private readonly Dictionary<string, PresenceMember> _joined = new(StringComparer.Ordinal);
        private readonly HashSet<string> _left = new(StringComparer.Ordinal);

        public Dictionary<string, (PresenceMember Member, string Entry, int Views)> Members { get; } = new(StringComparer.Ordinal);
        public bool FlushScheduled { get; set; }
        public DateTimeOffset LastFlush { get; set; } = DateTimeOffset.MinValue;

        /// <returns>Whether the person is new on the topic in this instance (their first view here).</returns>
        public bool Arrive(PresenceMember member, string entry)
        {
            if (Members.TryGetValue(member.UserId, out var known))
            {
                Members[member.UserId] = known with { Views = known.Views + 1 };
                return false;
            }
            Members[member.UserId] = (member, entry, 1);
            if (!_left.Remove(member.UserId)) _joined[member.UserId] = member;
            return true;
        }

        /// <returns>The person's entry when their last view here closed.</returns>
        public string? Depart(string userId)
        {
            if (!Members.TryGetValue(userId, out var known)) return null;
            if (known.Views > 1)
            {
                Members[userId] = known with { Views = known.Views - 1 };
                return null;
            }
            Members.Remove(userId);
            if (!_joined.Remove(userId)) _left.Add(userId);
            return known.Entry;
        }

        public (List<PresenceMember> Joined, List<string> Left) TakeChange()
        {
            var change = (_joined.Values.ToList(), _left.ToList());
            _joined.Clear();
            _left.Clear();
            return change;
        }
    }

    private sealed class Handle(RedisPresence owner, string topic, string userId) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(topic, userId);
            return ValueTask.CompletedTask;
        }
    }
}
