using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// This process's subscribers of one change type, by topic, each with its own bounded queue and pump: what every
/// notifier hands its events to once they are numbered (here, or by Redis). A slow or broken subscriber (a circuit
/// re-rendering, a closed tab) only ever delays itself. A queue that fills up drops its oldest events; the follower
/// sees the gap in the numbers and reloads, which is all a backlog it could not keep up with was worth.
/// </summary>
internal sealed class LiveFanOut<TChange>(ILogger logger)
{
    /// <summary>How many undelivered events one subscriber may have before its oldest are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveFanOutTopic<TChange>> _topics = new(StringComparer.Ordinal);

    /// <param name="startSeq">
    /// Runs under the topic's lock: no event of the topic is offered between reading the start and adding the
    /// subscriber, so the subscriber misses nothing after its start and hears nothing from before it.
    /// </param>
    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler, Func<LiveFanOutTopic<TChange>, long> startSeq)
    {
        while (true)
        {
            LiveFanOutTopic<TChange> state;
            lock (_lock)
            {
                if (!_topics.TryGetValue(topic, out state!)) _topics[topic] = state = new LiveFanOutTopic<TChange>();
            }
            lock (state)
            {
                // Its last subscriber left between the two locks; the next attempt creates the topic again.
                if (state.Abandoned) continue;
                var subscription = new Subscription(this, topic, handler, startSeq(state));
                // Copy on write: offering reads the array without taking the fan-out's lock.
                state.Subscribers = [.. state.Subscribers, subscription];
                return subscription;
            }
        }
    }

    public LiveFanOutTopic<TChange>? Find(string topic)
    {
        lock (_lock) return _topics.GetValueOrDefault(topic);
    }

    public int SubscriberCount(string topic) => Find(topic)?.Subscribers.Length ?? 0;

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (!_topics.TryGetValue(subscription.Topic, out var state)) return;
            lock (state)
            {
                state.Subscribers = state.Subscribers.Where(s => s != subscription).ToArray();
                if (state.Subscribers.Length > 0) return;
                // A topic nobody here follows is forgotten, with whatever numbering this process kept for it.
                state.Abandoned = true;
                _topics.Remove(subscription.Topic);
            }
        }
    }

    internal sealed class Subscription : ILiveSubscription
    {
        private readonly LiveFanOut<TChange> _owner;
        private readonly Func<LiveEvent<TChange>, Task> _handler;
        private readonly Channel<LiveEvent<TChange>> _queue;
        private volatile bool _disposed;
        private int _dropped;
        private int _pumpStarted;

        public Subscription(LiveFanOut<TChange> owner, string topic, Func<LiveEvent<TChange>, Task> handler, long startSeq)
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
            // Numbered before this subscriber started: what it loaded already includes it.
            if (liveEvent.Seq <= StartSeq) return;
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
                        _owner.LogFailed(ex, Topic);
                    }
                }
                if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped) _owner.LogDropped(Topic, dropped);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _queue.Writer.TryComplete();
            _owner.Remove(this);
        }
    }

    private void LogFailed(Exception ex, string topic) => logger.LogWarning(ex, "A live subscriber to {Topic} failed", topic);

    private void LogDropped(string topic, int dropped) =>
        logger.LogInformation("A slow live subscriber to {Topic} skipped {Dropped} events", topic, dropped);
}

/// <summary>One topic's subscribers in this process. Lock it to number and offer, so every queue holds the topic's order.</summary>
internal sealed class LiveFanOutTopic<TChange>
{
    public LiveFanOut<TChange>.Subscription[] Subscribers = [];

    /// <summary>The last number this process gave or saw on the topic.</summary>
    public long LastSeq;

    public bool Abandoned;

    /// <summary>Call under the topic's lock.</summary>
    public void Offer(LiveEvent<TChange> liveEvent)
    {
        LastSeq = Math.Max(LastSeq, liveEvent.Seq);
        foreach (var target in Subscribers) target.Offer(liveEvent);
    }
}
