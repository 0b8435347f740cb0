using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// Fans each event out to per-subscriber queues and returns: a subscriber's own pump delivers from its queue,
/// so a slow or broken subscriber (a circuit re-rendering, a closed tab) only ever delays itself. A queue that
/// fills up drops its oldest events; subscribers treat events as "something changed" and reload, so the
/// newest event that remains is enough to bring them up to date.
/// </summary>
public sealed class InProcessLiveNotifier<TEvent>(ILogger<InProcessLiveNotifier<TEvent>> logger) : ILiveNotifier<TEvent>
{
    /// <summary>How many undelivered events one subscriber may have before its oldest are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly ILogger _logger = logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Subscription[]> _subscriptions = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Func<TEvent, Task> handler)
    {
        var subscription = new Subscription(this, topic, handler);
        lock (_lock)
        {
            // Copy on write: publishing reads the array without taking the lock.
            _subscriptions[topic] = _subscriptions.TryGetValue(topic, out var list) ? [.. list, subscription] : [subscription];
        }
        return subscription;
    }

    public Task PublishAsync(string topic, TEvent liveEvent)
    {
        Subscription[]? targets;
        lock (_lock) _subscriptions.TryGetValue(topic, out targets);
        foreach (var target in targets ?? []) target.Offer(liveEvent);
        return Task.CompletedTask;
    }

    internal int SubscriberCount(string topic)
    {
        lock (_lock) return _subscriptions.TryGetValue(topic, out var list) ? list.Length : 0;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(subscription.Topic, out var list)) return;
            var rest = list.Where(s => s != subscription).ToArray();
            if (rest.Length == 0) _subscriptions.Remove(subscription.Topic);
            else _subscriptions[subscription.Topic] = rest;
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly InProcessLiveNotifier<TEvent> _owner;
        private readonly Func<TEvent, Task> _handler;
        private readonly Channel<TEvent> _queue;
        private volatile bool _disposed;
        private int _dropped;
        private int _pumpStarted;

        public Subscription(InProcessLiveNotifier<TEvent> owner, string topic, Func<TEvent, Task> handler)
        {
            _owner = owner;
            Topic = topic;
            _handler = handler;
            _queue = Channel.CreateBounded<TEvent>(
                new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
        }

        public string Topic { get; }

        /// <summary>
        /// The pump starts with the first event: every signed-in request follows its own account while it renders,
        /// and most of those subscriptions end without hearing anything, so they should cost no task.
        /// </summary>
        public void Offer(TEvent liveEvent)
        {
            if (_queue.Writer.TryWrite(liveEvent) && Interlocked.Exchange(ref _pumpStarted, 1) == 0) _ = Task.Run(PumpAsync);
        }

        private async Task PumpAsync()
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync())
            {
                while (!_disposed && reader.TryRead(out var liveEvent))
                {
                    try
                    {
                        await _handler(liveEvent);
                    }
                    catch (Exception ex)
                    {
                        _owner._logger.LogWarning(ex, "A live subscriber to {Topic} failed", Topic);
                    }
                }
                if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
                    _owner._logger.LogInformation("A slow live subscriber to {Topic} skipped {Dropped} events", Topic, dropped);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _queue.Writer.TryComplete();
            _owner.Remove(this);
        }
    }
}
