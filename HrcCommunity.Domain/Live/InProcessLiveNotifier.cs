using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// Numbers each topic's changes and fans them out to per-subscriber queues, then returns: a subscriber's own pump
/// delivers from its queue, so a slow or broken subscriber (a circuit re-rendering, a closed tab) only ever delays
/// itself. A queue that fills up drops its oldest events; the follower sees the gap in the numbers and reloads,
/// which is all a backlog it could not keep up with was worth.
/// </summary>
public sealed class InProcessLiveNotifier<TChange>(ILogger<InProcessLiveNotifier<TChange>> logger, TimeProvider clock) : ILiveNotifier<TChange>
{
    /// <summary>How many undelivered events one subscriber may have before its oldest are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly ILogger _logger = logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(topic, out var state)) _topics[topic] = state = new Topic();
            lock (state)
            {
                var subscription = new Subscription(this, topic, handler, state.LastSeq);
                // Copy on write: publishing reads the array without taking the notifier's lock.
                state.Subscribers = [.. state.Subscribers, subscription];
                return subscription;
            }
        }
    }

    public Task PublishAsync(string topic, string? actorId, TChange change)
    {
        if (Find(topic) is not { } state) return Task.CompletedTask;
        // One lock per topic around numbering and queueing, so every subscriber's queue holds the topic's order.
        lock (state)
        {
            var liveEvent = new LiveEvent<TChange>(topic, ++state.LastSeq, actorId, change, clock.GetUtcNow());
            foreach (var target in state.Subscribers) target.Offer(liveEvent);
        }
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveEvent<TChange> ordered)
    {
        if (Find(ordered.Topic) is not { } state) return Task.CompletedTask;
        lock (state)
        {
            state.LastSeq = Math.Max(state.LastSeq, ordered.Seq);
            foreach (var target in state.Subscribers) target.Offer(ordered);
        }
        return Task.CompletedTask;
    }

    internal int SubscriberCount(string topic) => Find(topic)?.Subscribers.Length ?? 0;

    private Topic? Find(string topic)
    {
        lock (_lock) return _topics.GetValueOrDefault(topic);
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(subscription.Topic, out var state)) return;
            lock (state)
            {
                state.Subscribers = state.Subscribers.Where(s => s != subscription).ToArray();
                // A topic nobody follows is forgotten with its numbering: whoever follows it next starts from 0.
                if (state.Subscribers.Length == 0) _topics.Remove(subscription.Topic);
            }
        }
    }

    private sealed class Topic
    {
        public Subscription[] Subscribers = [];
        public long LastSeq;
    }

    private sealed class Subscription : ILiveSubscription
    {
        private readonly InProcessLiveNotifier<TChange> _owner;
        private readonly Func<LiveEvent<TChange>, Task> _handler;
        private readonly Channel<LiveEvent<TChange>> _queue;
        private volatile bool _disposed;
        private int _dropped;
        private int _pumpStarted;

        public Subscription(InProcessLiveNotifier<TChange> owner, string topic, Func<LiveEvent<TChange>, Task> handler, long startSeq)
        {
            _owner = owner;
            Topic = topic;
            StartSeq = startSeq;
            _handler = handler;
            _queue = Channel.CreateBounded<LiveEvent<TChange>>(
                new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
        }

        public string Topic { get; }

        public long StartSeq { get; }

        /// <summary>
        /// The pump starts with the first event: every signed-in request follows its own account while it renders,
        /// and most of those subscriptions end without hearing anything, so they should cost no task.
        /// </summary>
        public void Offer(LiveEvent<TChange> liveEvent)
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
