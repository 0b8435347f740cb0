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

    /// <summary>
    /// Adds the subscriber at once, under the topic's lock, so no event it must hear can pass it by; its start comes
    /// from the topic when this process already knows the topic's place, or else from <paramref name="readStart"/>.
    /// </summary>
    /// <param name="readStart">
    /// Reads the topic's shared last number (a Redis round trip), called after the subscriber is in place; null when
    /// this process numbers the topic itself and so always knows its place. One read serves every subscriber that
    /// joins the topic while it is under way.
    /// </param>
    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler, Func<string, Task<long>>? readStart)
    {
        while (true)
        {
            LiveFanOutTopic<TChange> state;
            lock (_lock)
            {
                if (!_topics.TryGetValue(topic, out state!)) _topics[topic] = state = new LiveFanOutTopic<TChange> { Placed = readStart is null };
            }
            LiveFanOutTopic<TChange>.Reading? reading;
            Subscription subscription;
            lock (state)
            {
                // Its last subscriber left between the two locks; the next attempt creates the topic again.
                if (state.Abandoned) continue;
                subscription = new Subscription(this, topic, handler);
                // Copy on write: offering reads the array without taking the fan-out's lock.
                state.Subscribers = [.. state.Subscribers, subscription];
                if (state.Placed)
                {
                    subscription.Start(state.LastSeq);
                    return subscription;
                }
                reading = state.Pending is null ? state.Pending = new LiveFanOutTopic<TChange>.Reading() : null;
                state.Pending!.Join(subscription);
            }
            if (reading is not null) _ = PlaceAsync(topic, state, reading, readStart!);
            return subscription;
        }
    }

    /// <summary>
    /// Reads the topic's place and starts every subscriber that waited for it. Everything numbered after the read
    /// reached this process after the read was sent, so it is in the reading's record or offered to the subscriber
    /// directly; from then on the topic's last offered number is a sound start for newcomers (see <see cref="LiveFanOutTopic{TChange}.Placed"/>).
    /// </summary>
    private async Task PlaceAsync(string topic, LiveFanOutTopic<TChange> state, LiveFanOutTopic<TChange>.Reading reading, Func<string, Task<long>> readStart)
    {
        long start;
        var placed = true;
        try
        {
            start = await readStart(topic);
        }
        catch (Exception ex)
        {
            // Nothing is known: starting from zero, a follower sees a gap at its first event and reloads.
            logger.LogWarning(ex, "Could not read where live topic {Topic} stands; its new followers reload at their first event", topic);
            start = 0;
            placed = false;
        }
        lock (state)
        {
            state.Pending = null;
            if (placed)
            {
                state.LastSeq = Math.Max(state.LastSeq, start);
                state.Placed = true;
            }
            foreach (var subscription in reading.Waiting) subscription.Start(start);
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
        private readonly TaskCompletionSource<long> _start = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _disposed;
        private int _dropped;
        private int _pumpStarted;

        public Subscription(LiveFanOut<TChange> owner, string topic, Func<LiveEvent<TChange>, Task> handler)
        {
            _owner = owner;
            Topic = topic;
            _handler = handler;
            _queue = Channel.CreateBounded<LiveEvent<TChange>>(
                new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
        }

        public string Topic { get; }

        public Task<long> StartSeq => _start.Task;

        /// <summary>Call under the topic's lock, once.</summary>
        public void Start(long startSeq) => _start.SetResult(startSeq);

        /// <summary>
        /// Call under the topic's lock. Until the start is known every event is queued, and the pump drops those at or
        /// before it. The pump starts with the first event: every signed-in request follows its own account while it
        /// renders, and most of those subscriptions end without hearing anything, so they should cost no task.
        /// </summary>
        public void Offer(LiveEvent<TChange> liveEvent)
        {
            // Numbered before this subscriber started: what it loaded already includes it.
            if (_start.Task.IsCompleted && liveEvent.Seq <= _start.Task.Result) return;
            if (_queue.Writer.TryWrite(liveEvent) && Interlocked.Exchange(ref _pumpStarted, 1) == 0) Pump = Task.Run(PumpAsync);
        }

        /// <summary>Delivers the queued events in order; ends once the subscription is disposed.</summary>
        internal Task Pump { get; private set; } = Task.CompletedTask;

        private async Task PumpAsync()
        {
            var start = await _start.Task;
            var reader = _queue.Reader;
            // Disposed stops the pump even with events still queued: a completed queue that still holds events answers
            // "there is more" at once, every time, so waiting to read on would spin a pool thread forever.
            while (!_disposed && await reader.WaitToReadAsync())
            {
                while (!_disposed && reader.TryRead(out var liveEvent))
                {
                    if (liveEvent.Seq <= start) continue;
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
    /// <summary>How many events a read of the topic's place keeps for the subscribers that join while it is under way.</summary>
    private const int ReadingCapacity = LiveFanOut<TChange>.QueueCapacity;

    public LiveFanOut<TChange>.Subscription[] Subscribers = [];

    /// <summary>The last number this process gave or saw on the topic.</summary>
    public long LastSeq;

    /// <summary>
    /// <see cref="LastSeq"/> is a sound start for a new subscriber: this process numbers the topic, or has read the
    /// shared number and heard every event on the topic since. An event numbered above it reaches this process after
    /// the new subscriber is in place, and one at or below it was published before; a lost message only makes the
    /// start lower, and then the follower sees a gap and reloads.
    /// </summary>
    public bool Placed;

    /// <summary>The read of the topic's place under way, if any.</summary>
    public Reading? Pending;

    public bool Abandoned;

    /// <summary>Call under the topic's lock.</summary>
    public void Offer(LiveEvent<TChange> liveEvent)
    {
        LastSeq = Math.Max(LastSeq, liveEvent.Seq);
        Pending?.Record(liveEvent);
        foreach (var target in Subscribers) target.Offer(liveEvent);
    }

    /// <summary>
    /// The subscribers waiting for one read of the topic's place, and the events offered since it was sent: one that
    /// joins later gets those too, since the read may have been answered before them.
    /// </summary>
    internal sealed class Reading
    {
        private readonly Queue<LiveEvent<TChange>> _heard = new();

        public List<LiveFanOut<TChange>.Subscription> Waiting { get; } = [];

        /// <summary>Call under the topic's lock.</summary>
        public void Join(LiveFanOut<TChange>.Subscription subscription)
        {
            foreach (var liveEvent in _heard) subscription.Offer(liveEvent);
            Waiting.Add(subscription);
        }

        /// <summary>Call under the topic's lock. Past its capacity the oldest go, as from a subscriber's queue: a gap, then a reload.</summary>
        public void Record(LiveEvent<TChange> liveEvent)
        {
            if (_heard.Count == ReadingCapacity) _heard.Dequeue();
            _heard.Enqueue(liveEvent);
        }
    }
}
