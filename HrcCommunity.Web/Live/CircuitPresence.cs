using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HrcCommunity.Web.Live;

/// <summary>
/// <see cref="IPresence"/> for the views of one circuit, which count their person only while the circuit's connection
/// is up. A browser that goes away without saying so (a tab killed, a laptop closed, a dropped network) leaves its
/// circuit waiting for a reconnect for minutes; its person leaves the rooms and boards they were on as soon as the
/// connection drops, and is back if it comes up again.
/// </summary>
public sealed class CircuitPresence(IPresence presence) : CircuitHandler
{
    private readonly Lock _lock = new();
    private readonly List<Joined> _joined = [];
    private bool _down;

    public PresenceSnapshot Snapshot(string topic) => presence.Snapshot(topic);

    /// <summary>Counts the person on the topic while the connection is up, until the returned handle is disposed.</summary>
    public IAsyncDisposable Join(string topic, PresenceMember member)
    {
        var joined = new Joined(this, topic, member);
        lock (_lock)
        {
            _joined.Add(joined);
            if (!_down) joined.Handle = presence.Join(topic, member);
        }
        return joined;
    }

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        List<IAsyncDisposable> leaving;
        lock (_lock)
        {
            _down = true;
            leaving = [.. _joined.Select(j => j.TakeHandle()).OfType<IAsyncDisposable>()];
        }
        foreach (var handle in leaving) await handle.DisposeAsync();
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _down = false;
            foreach (var joined in _joined) joined.Handle ??= presence.Join(joined.Topic, joined.Member);
        }
        return Task.CompletedTask;
    }

    private async ValueTask LeaveAsync(Joined joined)
    {
        IAsyncDisposable? handle;
        lock (_lock)
        {
            _joined.Remove(joined);
            handle = joined.TakeHandle();
        }
        if (handle is not null) await handle.DisposeAsync();
    }

    private sealed class Joined(CircuitPresence owner, string topic, PresenceMember member) : IAsyncDisposable
    {
        public string Topic { get; } = topic;
        public PresenceMember Member { get; } = member;

        /// <summary>The person's place in <see cref="IPresence"/> while the connection is up; only touched under the owner's lock.</summary>
        public IAsyncDisposable? Handle { get; set; }

        public IAsyncDisposable? TakeHandle()
        {
            var handle = Handle;
            Handle = null;
            return handle;
        }

        public ValueTask DisposeAsync() => owner.LeaveAsync(this);
    }
}
