namespace HrcCommunity.Domain.Features.Notifications;

public sealed record PresenceChanged(string Topic, IReadOnlyList<string> Present);

/// <summary>
/// Who is looking at a live view right now (the queue, a room, a board). A person with two tabs
/// counts once; the entry goes when their last view closes.
/// </summary>
public sealed class PresenceTracker(ILiveNotifier<PresenceChanged> notifier)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, (string Name, int Views)>> _present = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> JoinAsync(string topic, string userId, string displayName)
    {
        lock (_lock)
        {
            if (!_present.TryGetValue(topic, out var people)) _present[topic] = people = new(StringComparer.Ordinal);
            people[userId] = people.TryGetValue(userId, out var entry) ? (displayName, entry.Views + 1) : (displayName, 1);
        }
        await PublishAsync(topic);
        return new Presence(this, topic, userId);
    }

    public IReadOnlyList<string> Present(string topic)
    {
        lock (_lock)
        {
            return _present.TryGetValue(topic, out var people)
                ? people.Values.Select(p => p.Name).Order(StringComparer.CurrentCulture).ToList()
                : [];
        }
    }

    private async Task LeaveAsync(string topic, string userId)
    {
        lock (_lock)
        {
            if (!_present.TryGetValue(topic, out var people) || !people.TryGetValue(userId, out var entry)) return;
            if (entry.Views > 1) people[userId] = (entry.Name, entry.Views - 1);
            else people.Remove(userId);
            if (people.Count == 0) _present.Remove(topic);
        }
        await PublishAsync(topic);
    }

    private Task PublishAsync(string topic) => notifier.PublishAsync(topic, new PresenceChanged(topic, Present(topic)));

    private sealed class Presence(PresenceTracker owner, string topic, string userId) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? new ValueTask(owner.LeaveAsync(topic, userId)) : ValueTask.CompletedTask;
    }
}
