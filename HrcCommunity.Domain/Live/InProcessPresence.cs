namespace HrcCommunity.Domain.Live;

/// <summary>
/// Presence held in this process. Joins and leaves are gathered per topic and published as one
/// <see cref="PresenceChanged"/> at most once per <see cref="Window"/>; someone who leaves and comes back within
/// a window (a reload) is no change at all.
/// </summary>
public sealed class InProcessPresence(ILiveNotifier<PresenceChanged> notifier, TimeProvider clock) : IPresence
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TopicPresence> _topics = new(StringComparer.Ordinal);

    public IAsyncDisposable Join(string topic, PresenceMember member)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state)) _topics[topic] = state = new TopicPresence();
            if (state.Arrive(member)) ScheduleFlush(topic, state);
        }
        return new Handle(this, topic, member.UserId);
    }

    public PresenceSnapshot Snapshot(string topic)
    {
        lock (_lock)
        {
            return new PresenceSnapshot(topic, _topics.TryGetValue(topic, out var state)
                ? state.Members.Values.Select(m => m.Member).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList()
                : []);
        }
    }

    private void Leave(string topic, string userId)
    {
        lock (_lock)
        {
            if (_topics.TryGetValue(topic, out var state) && state.Depart(userId)) ScheduleFlush(topic, state);
        }
    }

    private void ScheduleFlush(string topic, TopicPresence state)
    {
        if (state.FlushScheduled) return;
        state.FlushScheduled = true;
        var wait = state.LastFlush + Window - clock.GetUtcNow();
        _ = FlushAsync(topic, state, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    private async Task FlushAsync(string topic, TopicPresence state, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
        else await Task.Yield();
        PresenceChanged? change;
        lock (_lock)
        {
            change = state.TakeChange(topic);
            state.FlushScheduled = false;
            state.LastFlush = clock.GetUtcNow();
            if (state.Members.Count == 0 && _topics.GetValueOrDefault(topic) == state) _topics.Remove(topic);
        }
        if (change is not null) await notifier.PublishAsync(topic, null, change);
    }

    private sealed class TopicPresence
    {
        private readonly Dictionary<string, PresenceMember> _joined = new(StringComparer.Ordinal);
        private readonly HashSet<string> _left = new(StringComparer.Ordinal);

        public Dictionary<string, (PresenceMember Member, int Views)> Members { get; } = new(StringComparer.Ordinal);
        public bool FlushScheduled { get; set; }
        public DateTimeOffset LastFlush { get; set; } = DateTimeOffset.MinValue;

        /// <returns>Whether the person is new on the topic (their first view).</returns>
        public bool Arrive(PresenceMember member)
        {
            if (Members.TryGetValue(member.UserId, out var entry))
            {
                Members[member.UserId] = (entry.Member, entry.Views + 1);
                return false;
            }
            Members[member.UserId] = (member, 1);
            if (!_left.Remove(member.UserId)) _joined[member.UserId] = member;
            return true;
        }

        /// <returns>Whether the person is gone from the topic (their last view closed).</returns>
        public bool Depart(string userId)
        {
            if (!Members.TryGetValue(userId, out var entry)) return false;
            if (entry.Views > 1)
            {
                Members[userId] = (entry.Member, entry.Views - 1);
                return false;
            }
            Members.Remove(userId);
            if (!_joined.Remove(userId)) _left.Add(userId);
            return true;
        }

        public PresenceChanged? TakeChange(string topic)
        {
            if (_joined.Count == 0 && _left.Count == 0) return null;
            var change = new PresenceChanged(topic, Members.Count, [.. _joined.Values], [.. _left]);
            _joined.Clear();
            _left.Clear();
            return change;
        }
    }

    private sealed class Handle(InProcessPresence owner, string topic, string userId) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(topic, userId);
            return ValueTask.CompletedTask;
        }
    }
}
