namespace HrcCommunity.Domain.Live;

public enum LiveStep
{
    /// <summary>The next change in order, made by someone else: apply it.</summary>
    Apply,
    /// <summary>The next change in order, made by this follower's own person: their view already shows it.</summary>
    SkipOwnEcho,
    /// <summary>A change already seen, or older than the follower's start: nothing to do.</summary>
    Ignore,
    /// <summary>Changes were missed (a dropped backlog, a restart): what is in memory can no longer be trusted.</summary>
    Reload,
}

/// <summary>
/// A follower's place in one topic's order: decides for each event whether to apply it, skip it as the follower's
/// own echo, or reload because of a gap. Not thread-safe: a follower receives its events one at a time.
/// </summary>
public sealed class LiveSequence(long startSeq, string? selfUserId)
{
    public long Last { get; private set; } = startSeq;

    public LiveStep Next<TChange>(LiveEvent<TChange> liveEvent)
    {
        if (liveEvent.Seq <= Last) return LiveStep.Ignore;
        var gap = liveEvent.Seq != Last + 1;
        Last = liveEvent.Seq;
        if (gap) return LiveStep.Reload;
        return selfUserId is not null && liveEvent.ActorId == selfUserId ? LiveStep.SkipOwnEcho : LiveStep.Apply;
    }
}
