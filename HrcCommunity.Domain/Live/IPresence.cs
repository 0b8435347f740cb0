namespace HrcCommunity.Domain.Live;

/// <param name="City">Where the person is from, for views that show who is in from which city.</param>
public sealed record PresenceMember(string UserId, string DisplayName, string? City = null);

/// <summary>Who is on a topic now. A person with two tabs counts once.</summary>
public sealed record PresenceSnapshot(string Topic, IReadOnlyList<PresenceMember> Present)
{
    public int Count => Present.Count;
}

/// <summary>
/// The people who arrived and left since the last change on the topic, with the count after it. Sent at most
/// once per window per topic, so a room of a thousand people arriving at once costs each viewer one render.
/// </summary>
public sealed record PresenceChanged(string Topic, int Count, IReadOnlyList<PresenceMember> Joined, IReadOnlyList<string> LeftUserIds);

/// <summary>
/// Presence per live topic (the queue, a room, a board). In-process today; a distributed store can implement
/// it so that people on every instance are counted.
/// </summary>
public interface IPresence
{
    /// <summary>Counts the person on the topic until the returned handle is disposed (their view closes).</summary>
    IAsyncDisposable Join(string topic, PresenceMember member);

    PresenceSnapshot Snapshot(string topic);
}
