using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Features.Notifications;

public sealed class InProcessLiveNotifier<TEvent>(ILogger<InProcessLiveNotifier<TEvent>> logger) : ILiveNotifier<TEvent>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Subscription>> _subscriptions = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Func<TEvent, Task> handler)
    {
        var subscription = new Subscription(this, topic, handler);
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(topic, out var list)) _subscriptions[topic] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    public async Task PublishAsync(string topic, TEvent liveEvent)
    {
        Subscription[] targets;
        lock (_lock)
        {
            // Copy under the lock, call outside it: a handler may subscribe or dispose re-entrantly.
            targets = _subscriptions.TryGetValue(topic, out var list) ? [.. list] : [];
        }
        foreach (var target in targets)
        {
            try
            {
                await target.Handler(liveEvent);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a closed circuit) must not stop the others from hearing it.
                logger.LogWarning(ex, "A live subscriber to {Topic} failed", topic);
            }
        }
    }

    internal int SubscriberCount(string topic)
    {
        lock (_lock) return _subscriptions.TryGetValue(topic, out var list) ? list.Count : 0;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(subscription.Topic, out var list)) return;
            list.Remove(subscription);
            if (list.Count == 0) _subscriptions.Remove(subscription.Topic);
        }
    }

    private sealed class Subscription(InProcessLiveNotifier<TEvent> owner, string topic, Func<TEvent, Task> handler) : IDisposable
    {
        public string Topic { get; } = topic;
        public Func<TEvent, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
