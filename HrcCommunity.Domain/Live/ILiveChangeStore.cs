namespace HrcCommunity.Domain.Live;

/// <summary>
/// Where hot topics' accepted changes are kept: the SQLite change log today, a server database's later. Written in
/// batches by <see cref="LiveTopicHosts"/>, read once per topic when its host starts.
/// </summary>
public interface ILiveChangeStore
{
    /// <summary>Appends in one transaction; the unique (topic, seq) refuses a change written twice.</summary>
    Task AppendAsync(IReadOnlyList<LiveChange> changes, CancellationToken ct);

    /// <summary>The topic's changes after <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<LiveChange>> ReadAfterAsync(string topic, long afterSeq, CancellationToken ct);
}
