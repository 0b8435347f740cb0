using HrcCommunity.Domain.Live;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// Records what one live subscription hears. Delivery is asynchronous (each subscriber has its own pump), so
/// tests wait for the count they expect instead of asserting right after publishing. <see cref="Heard"/> holds the
/// changes, <see cref="Events"/> the same with their topic, sequence number and actor.
/// </summary>
public sealed class LiveRecorder<TEvent> : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<TEvent> _heard = [];
    private readonly List<LiveEvent<TEvent>> _events = [];
    private readonly List<(Func<List<TEvent>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];
    private readonly ILiveSubscription _subscription;

    public LiveRecorder(ILiveNotifier<TEvent> notifier, string topic, Func<TEvent, Task>? onEvent = null) =>
        _subscription = notifier.Subscribe(topic, async e =>
        {
            if (onEvent is not null) await onEvent(e.Change);
            Record(e);
        });

    /// <summary>Completes once the subscription knows its start: across instances, wait for it before publishing elsewhere.</summary>
    public Task<long> Started => _subscription.StartSeq;

    public IReadOnlyList<TEvent> Heard { get { lock (_lock) return [.. _heard]; } }

    public IReadOnlyList<LiveEvent<TEvent>> Events { get { lock (_lock) return [.. _events]; } }

    public Task<IReadOnlyList<TEvent>> WaitForAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(heard => heard.Count >= count, timeout);

    public async Task<IReadOnlyList<TEvent>> WaitUntilAsync(Func<List<TEvent>, bool> condition, TimeSpan? timeout = null)
    {
        TaskCompletionSource reached;
        lock (_lock)
        {
            if (condition(_heard)) return [.. _heard];
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, reached));
        }
        await reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        return Heard;
    }

    private void Record(LiveEvent<TEvent> liveEvent)
    {
        lock (_lock)
        {
            _events.Add(liveEvent);
            _heard.Add(liveEvent.Change);
            foreach (var waiter in _waiters.Where(w => w.Condition(_heard)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
