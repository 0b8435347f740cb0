namespace HrcCommunity.Domain.Live;

/// <summary>
/// How a kind of hot topic (a room, a board) turns its changes into its current state. <see cref="Apply"/> is also
/// where a change is judged: throw a DomainException and the change is refused before it is numbered.
/// </summary>
public interface ILiveProjection<TState, TChange>
{
    TState Empty(string topic);

    TState Apply(TState state, LiveEvent<TChange> change);
}
