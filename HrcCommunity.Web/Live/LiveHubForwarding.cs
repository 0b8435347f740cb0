using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// Feeds each hub group from its topic's streams while at least one connection is in it: the first connection to
/// join a topic subscribes its streams, the last to leave ends the subscriptions. One subscription per topic, not per
/// connection, so the notifier does not queue a change once for every hub client.
/// </summary>
public sealed class LiveHubForwarding(LiveStreams streams, IServiceProvider services, IHubContext<LiveHub, ILiveClient> hub,
    ILogger<LiveHubForwarding> logger)
{
    private readonly Dictionary<string, (IDisposable[] Subscriptions, int Connections)> _topics = new(StringComparer.Ordinal);

    public void Retain(string topic)
    {
        lock (_topics)
        {
            if (_topics.TryGetValue(topic, out var forwarded))
            {
                _topics[topic] = forwarded with { Connections = forwarded.Connections + 1 };
                return;
            }
            _topics[topic] = (streams.Covering(topic).Select(s => s.ForwardToHub(topic, services, hub, logger)).ToArray(), 1);
        }
    }

    public void Release(string topic)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(topic, out var forwarded)) return;
            if (forwarded.Connections > 1)
            {
                _topics[topic] = forwarded with { Connections = forwarded.Connections - 1 };
                return;
            }
            foreach (var subscription in forwarded.Subscriptions) subscription.Dispose();
            _topics.Remove(topic);
        }
    }
}
