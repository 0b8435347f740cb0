namespace HrcCommunity.Domain.Live;

/// <summary>
/// The seam for live updates: one notifier per change type (one per feature), keyed by the topic watched (a
/// room, a board, the queue). It orders each topic's changes and hands every subscriber its own queue. In-process
/// today; a distributed backplane can replace the implementation without touching publishers or subscribers.
/// </summary>
public interface ILiveNotifier<TChange>
{
    /// <summary>
    /// Follows the topic until the subscription is disposed, without waiting for anything: the handler hears every
    /// event numbered after <see cref="ILiveSubscription.StartSeq"/>, once, in order, and none at or before it.
    /// </summary>
    ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler);

    /// <summary>
    /// Gives the change the topic's next sequence number and queues it for every subscriber, without waiting for
    /// any of them. Call only after the change is saved, so a follower that reloads never reads stale data.
    /// </summary>
    Task PublishAsync(string topic, string? actorId, TChange change);
}

public interface ILiveSubscription : IDisposable
{
    /// <summary>
    /// The topic's last number when following began: known at once in one process, a Redis round trip later across
    /// instances. No event reaches the handler before it is known. A change published after it completes is heard,
    /// so load what the events change after awaiting it; the first event should carry the number after it.
    /// </summary>
    Task<long> StartSeq { get; }
}
