using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// Feeds this instance's hub connections on each topic from the topic's streams while at least one of them follows it:
/// the first connection to join a topic subscribes its streams, the last to leave ends the subscriptions. One
/// subscription per topic, not per connection, so the notifier does not queue a change once for every hub client.
/// <para>
/// Changes go to this instance's own connections on the topic, never to the hub group: with the Redis backplane a
/// group send reaches the group's members on every instance, and every instance receives each change from the live
/// bus, so group sends would hand a client on B one copy per instance. The bus already carries each change to every
/// instance once; each instance writes it to its own connections (the backplane writes a local connection directly),
/// so a client anywhere receives it once.
/// </para>
/// </summary>
public sealed class LiveHubForwarding(LiveStreams streams, IServiceProvider services, IHubContext<LiveHub, ILiveClient> hub,
    ILogger<LiveHubForwarding> logger)
{
    private readonly Dictionary<string, Forwarded> _topics = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes once the topic's subscriptions know where they start (across instances, a Redis round trip after the
    /// first connection joins): every change published after that reaches the connection.
    /// </summary>
    public Task RetainAsync(string topic, string connectionId)
    {
        lock (_topics)
        {
            if (_topics.TryGetValue(topic, out var forwarded))
            {
                forwarded.Connections = forwarded.Connections.With(connectionId);
                return forwarded.Started;
            }
            forwarded = new Forwarded { Connections = ConnectionSet.Empty.With(connectionId) };
            forwarded.Subscriptions = streams.Covering(topic).Select(s => s.ForwardToHub(topic, services, hub, () => forwarded.Connections, logger)).ToArray();
            forwarded.Started = Task.WhenAll(forwarded.Subscriptions.Select(s => s.StartSeq));
            _topics[topic] = forwarded;
            return forwarded.Started;
        }
    }

    public void Release(string topic, string connectionId)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(topic, out var forwarded)) return;
            forwarded.Connections = forwarded.Connections.Without(connectionId);
            if (forwarded.Connections.Count > 0) return;
            foreach (var subscription in forwarded.Subscriptions) subscription.Dispose();
            _topics.Remove(topic);
        }
    }

    private sealed class Forwarded
    {
        /// <summary>Copy on write: a send reads the set without taking the lock.</summary>
        public volatile ConnectionSet Connections = ConnectionSet.Empty;
        public ILiveSubscription[] Subscriptions = [];
        public Task Started = Task.CompletedTask;
    }
}
