using HrcCommunity.Domain.Live;

namespace HrcCommunity.Bench;

/// <summary>
/// The notifier as it was before per-subscriber queues (commit b74311d), kept here only as the benchmark's
/// baseline: publishing awaits every subscriber in turn.
/// </summary>
public sealed class SequentialBaselineNotifier<TEvent> : ILiveNotifier<TEvent>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Func<TEvent, Task>>> _subscriptions = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Func<TEvent, Task> handler)
    {
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(topic, out var list)) _subscriptions[topic] = list = [];
            list.Add(handler);
        }
        return new Unsubscriber(() => { lock (_lock) _subscriptions[topic].Remove(handler); });
    }

    public async Task PublishAsync(string topic, TEvent liveEvent)
    {
        Func<TEvent, Task>[] targets;
        lock (_lock) targets = _subscriptions.TryGetValue(topic, out var list) ? [.. list] : [];
        foreach (var target in targets)
        {
            try { await target(liveEvent); }
            catch (Exception) { }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
