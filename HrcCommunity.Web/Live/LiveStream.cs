using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// One live stream, registered once in <see cref="LiveStreamRegistrations"/>: the topics it covers, who may follow
/// them, and what hub clients receive. Blazor pages (through <see cref="LiveFollow{TChange}"/>) and
/// <c>/hubs/live</c> both ask it, so the rule is written once.
/// </summary>
public abstract class LiveStream
{
    public abstract Type ChangeType { get; }

    public abstract bool Covers(string topic);

    /// <summary>Asynchronous because some rules read data (who registered for an event); keep it cheap, every event asks it again.</summary>
    public abstract ValueTask<bool> MayFollowAsync(Actor actor, string topic);

    /// <summary>Sends the topic's changes to this instance's connections on it (see <see cref="LiveHubForwarding"/>) until disposed.</summary>
    internal abstract ILiveSubscription ForwardToHub(string topic, IServiceProvider services, IHubContext<LiveHub, ILiveClient> hub,
        Func<IReadOnlyList<string>> connections, ILogger logger);
}

public sealed class LiveStream<TChange, TMessage>(
    Func<string, bool> covers,
    Func<Actor, string, ValueTask<bool>> mayFollow,
    Func<TChange, TMessage> toMessage,
    Func<ILiveClient, LiveMessage<TMessage>, Task> send) : LiveStream
{
    public override Type ChangeType => typeof(TChange);

    public override bool Covers(string topic) => covers(topic);

    public override async ValueTask<bool> MayFollowAsync(Actor actor, string topic) => covers(topic) && await mayFollow(actor, topic);

    internal override ILiveSubscription ForwardToHub(string topic, IServiceProvider services, IHubContext<LiveHub, ILiveClient> hub,
        Func<IReadOnlyList<string>> connections, ILogger logger) =>
        services.GetRequiredService<ILiveNotifier<TChange>>().Subscribe(topic, liveEvent =>
        {
            // Only this instance's connections on the topic (LiveHubForwarding says why). SignalR serialises the message once
            // for all of them and writes it to each one's own buffer. The send completes only when every connection has
            // flushed, so it is not awaited: a client that stopped reading would otherwise hold the topic's next change
            // back from everyone else. Each connection keeps its own order.
            Task sent;
            try
            {
                sent = send(hub.Clients.Clients(connections()),
                    new LiveMessage<TMessage>(topic, liveEvent.Seq, liveEvent.ActorId, liveEvent.At, toMessage(liveEvent.Change)));
            }
            catch (Exception ex)
            {
                sent = Task.FromException(ex);
            }
            if (!sent.IsCompletedSuccessfully)
                _ = sent.ContinueWith(t => logger.LogWarning(t.Exception, "Could not forward a change on {Topic} to the hub", topic),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return Task.CompletedTask;
        });
}

/// <summary>Every registered stream; asks the one that covers a topic.</summary>
public sealed class LiveStreams(IEnumerable<LiveStream> streams)
{
    private readonly LiveStream[] _streams = streams.ToArray();

    /// <summary>Every stream covering the topic: what a hub connection that joins it receives.</summary>
    public IReadOnlyList<LiveStream> Covering(string topic) => _streams.Where(s => s.Covers(topic)).ToList();

    /// <summary>A hub connection may join a topic when some stream covers it and every stream covering it allows the person.</summary>
    public async ValueTask<bool> MayJoinAsync(Actor actor, string topic)
    {
        var covering = Covering(topic);
        if (covering.Count == 0) return false;
        foreach (var stream in covering)
            if (!await stream.MayFollowAsync(actor, topic)) return false;
        return true;
    }

    /// <summary>What a page may follow: the stream of that change type covering the topic must allow the person.</summary>
    public async ValueTask<bool> MayFollowAsync<TChange>(Actor actor, string topic)
    {
        foreach (var stream in _streams)
            if (stream.ChangeType == typeof(TChange) && await stream.MayFollowAsync(actor, topic)) return true;
        return false;
    }
}
