using System.Collections.Concurrent;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>
/// Counts each person's recent posts in a room against <see cref="DialogueRoomService.FloodLimit"/> per
/// <see cref="DialogueRoomService.FloodWindow"/>: in this process, or in Redis when instances share it, so that
/// posting through two instances does not double anyone's allowance.
/// </summary>
public interface IRoomFloodGate
{
    /// <summary>Counts a post made at <paramref name="now"/>, or says no when the person is at the limit.</summary>
    ValueTask<bool> TryTakeAsync(int eventId, string userId, DateTime now);

    /// <summary>A post that was refused or turned out to be a retry does not count against the limit.</summary>
    ValueTask ReturnAsync(int eventId, string userId, DateTime at);
}

/// <summary>The flood limit of a single instance: a sliding window of post times per person and room.</summary>
internal sealed class InProcessRoomFloodGate : IRoomFloodGate
{
    private const int EntriesBeforeSweep = 10_000;

    private readonly ConcurrentDictionary<(int EventId, string UserId), List<DateTime>> _recentPosts = new();

    public ValueTask<bool> TryTakeAsync(int eventId, string userId, DateTime now)
    {
        if (_recentPosts.Count > EntriesBeforeSweep) Sweep(now);
        var stamps = _recentPosts.GetOrAdd((eventId, userId), _ => []);
        lock (stamps)
        {
            stamps.RemoveAll(at => at <= now - DialogueRoomService.FloodWindow);
            if (stamps.Count >= DialogueRoomService.FloodLimit) return ValueTask.FromResult(false);
            stamps.Add(now);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ReturnAsync(int eventId, string userId, DateTime at)
    {
        if (_recentPosts.TryGetValue((eventId, userId), out var stamps))
            lock (stamps) stamps.Remove(at);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTime now)
    {
        foreach (var (key, stamps) in _recentPosts)
        {
            bool idle;
            lock (stamps) idle = stamps.TrueForAll(at => at <= now - DialogueRoomService.FloodWindow);
            if (idle) _recentPosts.TryRemove(new KeyValuePair<(int, string), List<DateTime>>(key, stamps));
        }
    }
}
