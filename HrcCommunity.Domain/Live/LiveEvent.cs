namespace HrcCommunity.Domain.Live;

/// <summary>
/// One change on a live topic as every follower receives it: the change itself, so a follower applies it
/// without a query; who made it, so the author's own view skips its echo instead of reloading over an open
/// edit; and its place in the topic's order. <see cref="Seq"/> counts 1, 2, 3… per topic, so a follower that
/// sees anything other than the number after its last one knows it missed something and reloads.
/// </summary>
public sealed record LiveEvent<TChange>(string Topic, long Seq, string? ActorId, TChange Change, DateTimeOffset At);
