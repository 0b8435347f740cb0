using System.Collections;

namespace HrcCommunity.Web.Live;

/// <summary>
/// The connections on one topic, in the order they joined, as SignalR's send to a list of connections needs them. SignalR's
/// in-memory lifetime manager walks every connection of the instance and asks the list whether it contains each one;
/// LINQ answers that through <see cref="ICollection{T}.Contains"/>, which on an array is a linear search, so one message
/// to a room of 1,000 among 2,000 connections cost about 1.5 million string comparisons. Here it is a hash lookup.
/// Immutable: a send reads it without a lock while joins and leaves build the next one.
/// </summary>
internal sealed class ConnectionSet : IReadOnlyList<string>, ICollection<string>
{
    public static readonly ConnectionSet Empty = new([]);

    private readonly string[] _ids;
    private readonly HashSet<string> _lookup;

    private ConnectionSet(string[] ids)
    {
        _ids = ids;
        _lookup = new HashSet<string>(ids, StringComparer.Ordinal);
    }

    public ConnectionSet With(string connectionId) => _lookup.Contains(connectionId) ? this : new([.. _ids, connectionId]);

    public ConnectionSet Without(string connectionId) =>
        _lookup.Contains(connectionId) ? new(Array.FindAll(_ids, id => !string.Equals(id, connectionId, StringComparison.Ordinal))) : this;

    public int Count => _ids.Length;

    public bool IsReadOnly => true;

    public string this[int index] => _ids[index];

    public bool Contains(string item) => _lookup.Contains(item);

    public void CopyTo(string[] array, int arrayIndex) => _ids.CopyTo(array, arrayIndex);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_ids).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<string>.Add(string item) => throw new NotSupportedException("A connection set is immutable: use With.");

    void ICollection<string>.Clear() => throw new NotSupportedException("A connection set is immutable.");

    bool ICollection<string>.Remove(string item) => throw new NotSupportedException("A connection set is immutable: use Without.");
}
