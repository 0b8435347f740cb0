using HrcCommunity.Domain.Live;

namespace HrcCommunity.Bench;

/// <summary>
/// The notifier as it was before per-subscriber queues (commit b74311d), kept here only as the benchmark's
/// baseline: publishing awaits every subscriber in turn. It numbers changes like today's, so both carry the same events.
/// </summary>
public sealed class SequentialBaselineNotifier<TChange> : ILiveNotifier<TChange>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Func<LiveEvent<TChange>, Task>>> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);

    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler)
    {
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(topic, out var list)) _subscriptions[topic] = list = [];
            list.Add(handler);
            return new Unsubscriber(_lastSeq.GetValueOrDefault(topic), () => { lock (_lock) _subscriptions[topic].Remove(handler); });
        }
    }

    public Task PublishAsync(string topic, string? actorId, TChange change)
    {
        long seq;
        lock (_lock) seq = _lastSeq[topic] = _lastSeq.GetValueOrDefault(topic) + 1;
        return DeliverAsync(new LiveEvent<TChange>(topic, seq, actorId, change, DateTimeOffset.UtcNow));
    }

    private async Task DeliverAsync(LiveEvent<TChange> ordered)
    {
        Func<LiveEvent<TChange>, Task>[] targets;
        lock (_lock) targets = _subscriptions.TryGetValue(ordered.Topic, out var list) ? [.. list] : [];
        foreach (var target in targets)
        {
            try { await target(ordered); }
            catch (Exception) { }
        }
    }

    private sealed class Unsubscriber(long startSeq, Action dispose) : ILiveSubscription
    {
        public Task<long> StartSeq { get; } = Task.FromResult(startSeq);

        public void Dispose() => dispose();
    }
}
