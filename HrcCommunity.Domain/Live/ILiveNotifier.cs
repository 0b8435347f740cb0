namespace HrcCommunity.Domain.Live;

/// <summary>
/// The seam for live updates: one notifier per event type (one per feature), keyed by the thing
/// watched (a room, a board, the queue). In-process today; a distributed backplane can replace
/// the implementation without touching publishers or subscribers.
/// </summary>
public interface ILiveNotifier<TEvent>
{
    IDisposable Subscribe(string topic, Func<TEvent, Task> handler);

    /// <summary>Call only after the change is saved, so subscribers never reload stale data.</summary>
    Task PublishAsync(string topic, TEvent liveEvent);
}
