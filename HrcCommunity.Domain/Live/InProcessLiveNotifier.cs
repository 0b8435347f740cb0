using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// Numbers each topic's changes in this process and fans them out to per-subscriber queues (<see cref="LiveFanOut{TChange}"/>),
/// then returns. The default with one instance; <see cref="RedisLiveNotifier{TChange}"/> replaces it when Redis is configured.
/// </summary>
public sealed class InProcessLiveNotifier<TChange>(ILogger<InProcessLiveNotifier<TChange>> logger, TimeProvider clock) : ILiveNotifier<TChange>
{
    /// <summary>How many undelivered events one subscriber may have before its oldest are dropped.</summary>
    public const int QueueCapacity = LiveFanOut<TChange>.QueueCapacity;

    private readonly LiveFanOut<TChange> _fanOut = new(logger);

    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler) =>
        _fanOut.Subscribe(topic, handler, readStart: null);

    public Task PublishAsync(string topic, string? actorId, TChange change)
    {
        if (_fanOut.Find(topic) is not { } state) return Task.CompletedTask;
        // One lock per topic around numbering and queueing, so every subscriber's queue holds the topic's order.
        lock (state) state.Offer(new LiveEvent<TChange>(topic, state.LastSeq + 1, actorId, change, clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    internal int SubscriberCount(string topic) => _fanOut.SubscriberCount(topic);
}
