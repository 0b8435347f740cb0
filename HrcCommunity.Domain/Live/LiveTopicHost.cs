using System.Text.Json;

namespace HrcCommunity.Domain.Live;

/// <summary>What a follower that fell behind gets: the changes it missed, or word that they are gone and it must reload.</summary>
public sealed record LiveCatchUp<TChange>(bool MustReload, IReadOnlyList<LiveEvent<TChange>> Changes);

/// <summary>
/// One hot topic held in memory: it orders the topic's changes (numbers them), keeps the current state and the
/// recent tail, queues each change for the change log, and only then tells followers. Obtained from
/// <see cref="LiveTopicHosts"/>, which rehydrates it from the log and writes its batches.
/// </summary>
public sealed class LiveTopicHost<TState, TChange>
{
    private readonly Lock _lock = new();
    private readonly ILiveProjection<TState, TChange> _projection;
    private readonly ILiveNotifier<TChange> _notifier;
    private readonly LiveTopicHosts _owner;
    private readonly TimeProvider _clock;
    private readonly int _tailSize;
    private readonly Queue<LiveEvent<TChange>> _tail = new();
    private TState _state;
    private long _lastSeq;

    internal LiveTopicHost(string topic, ILiveProjection<TState, TChange> projection, ILiveNotifier<TChange> notifier,
        LiveTopicHosts owner, TimeProvider clock, int tailSize, IEnumerable<LiveEvent<TChange>> history)
    {
        Topic = topic;
        _projection = projection;
        _notifier = notifier;
        _owner = owner;
        _clock = clock;
        _tailSize = tailSize;
        _state = projection.Empty(topic);
        foreach (var change in history) Remember(change);
    }

    public string Topic { get; }

    public long LastSeq
    {
        get { lock (_lock) return _lastSeq; }
    }

    public TState State
    {
        get { lock (_lock) return _state; }
    }

    /// <summary>
    /// Numbers the change, applies it to the state and queues it for the log; once this returns the change is
    /// acknowledged: a clean stop writes it, a crash loses it only if it falls in the last batch window.
    /// </summary>
    public Task<LiveEvent<TChange>> AcceptAsync(string? actorId, TChange change)
    {
        LiveEvent<TChange> accepted;
        Task published;
        lock (_lock)
        {
            accepted = new LiveEvent<TChange>(Topic, _lastSeq + 1, actorId, change, _clock.GetUtcNow());
            Remember(accepted);
            _owner.Enqueue(ToRecord(accepted));
            // Inside the lock, so followers receive the topic's changes in the order they were numbered.
            published = _notifier.PublishAsync(accepted);
        }
        return WhenPublished(published, accepted);
    }

    /// <summary>The changes after <paramref name="afterSeq"/> if the tail still holds them all; otherwise, reload.</summary>
    public LiveCatchUp<TChange> ChangesAfter(long afterSeq)
    {
        lock (_lock)
        {
            if (afterSeq >= _lastSeq) return new(false, []);
            if (_tail.Count == 0 || afterSeq < _tail.Peek().Seq - 1) return new(true, []);
            return new(false, _tail.Where(c => c.Seq > afterSeq).ToList());
        }
    }

    internal static LiveEvent<TChange> FromRecord(LiveChange record) =>
        new(record.Topic, record.Seq, record.ActorId, JsonSerializer.Deserialize<TChange>(record.Payload, LiveTopicHosts.Json)!,
            new DateTimeOffset(DateTime.SpecifyKind(record.At, DateTimeKind.Utc)));

    private static LiveChange ToRecord(LiveEvent<TChange> change) => new()
    {
        Topic = change.Topic,
        Seq = change.Seq,
        Kind = change.Change?.GetType().Name ?? typeof(TChange).Name,
        ActorId = change.ActorId,
        Payload = JsonSerializer.Serialize(change.Change, LiveTopicHosts.Json),
        At = change.At.UtcDateTime,
    };

    private static async Task<LiveEvent<TChange>> WhenPublished(Task published, LiveEvent<TChange> accepted)
    {
        await published;
        return accepted;
    }

    /// <summary>The projection runs first: a change it refuses is never numbered, kept or written.</summary>
    private void Remember(LiveEvent<TChange> change)
    {
        _state = _projection.Apply(_state, change);
        _lastSeq = change.Seq;
        _tail.Enqueue(change);
        while (_tail.Count > _tailSize) _tail.Dequeue();
    }
}
