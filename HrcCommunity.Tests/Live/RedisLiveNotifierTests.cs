using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Live;

/// <summary>
/// The live bus between instances on a real redis-server: each "instance" is a notifier on a connection of its own,
/// as two app processes would have.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLiveNotifierTests(RedisServerProcess redis) : IAsyncLifetime
{
    private sealed record Ping(string From, int N);

    private readonly List<IAsyncDisposable> _owned = [];

    private async Task<RedisLiveNotifier<T>> NewInstanceAsync<T>()
    {
        var connection = await redis.ConnectAsync();
        _owned.Add(connection);
        var notifier = new RedisLiveNotifier<T>(connection, Options.Create(new RedisOptions { Configuration = redis.Configuration }),
            NullLogger<RedisLiveNotifier<T>>.Instance, TimeProvider.System);
        _owned.Add(new Disposing(notifier.Dispose));
        return notifier;
    }

    private static string NewTopic() => $"t-{Guid.NewGuid():N}";

    [Fact]
    public async Task ConcurrentPublishersOnTwoInstances_NumberOneGapFreeOrder_ThatEverySubscriberOnBothHearsOnceEach()
    {
        var a = await NewInstanceAsync<Ping>();
        var b = await NewInstanceAsync<Ping>();
        var topic = NewTopic();
        using var onA = new LiveRecorder<Ping>(a, topic);
        using var onB = new LiveRecorder<Ping>(b, topic);
        using var alsoOnB = new LiveRecorder<Ping>(b, topic);
        const int each = 150;

        // Four publishers, two per instance, all at once.
        await Task.WhenAll(new[] { (a, "a1"), (a, "a2"), (b, "b1"), (b, "b2") }.Select(p => Task.Run(async () =>
        {
            for (var n = 1; n <= each; n++) await p.Item1.PublishAsync(topic, p.Item2, new Ping(p.Item2, n));
        })));

        var expected = 4 * each;
        foreach (var recorder in new[] { onA, onB, alsoOnB })
        {
            await recorder.WaitForAsync(expected);
            var events = recorder.Events;
            Assert.Equal(Enumerable.Range(1, expected).Select(n => (long)n), events.Select(e => e.Seq));
            // Each publisher's own changes keep the order it sent them in.
            foreach (var from in new[] { "a1", "a2", "b1", "b2" })
                Assert.Equal(Enumerable.Range(1, each), events.Where(e => e.Change.From == from).Select(e => e.Change.N));
        }
        // Everyone heard the same order.
        Assert.Equal(onA.Events.Select(e => e.Change), onB.Events.Select(e => e.Change));
        Assert.Equal(onB.Events.Select(e => e.Change), alsoOnB.Events.Select(e => e.Change));
        await PublishMarkerAndWaitAsync(a, topic, onA, onB, alsoOnB);
        Assert.Equal(expected + 1, onB.Events.Count);
    }

    [Fact]
    public async Task Subscribe_StartsAtTheTopicsSharedLastNumber_WhicheverInstancePublishedBefore()
    {
        var a = await NewInstanceAsync<Ping>();
        var b = await NewInstanceAsync<Ping>();
        var topic = NewTopic();
        using (var early = new LiveRecorder<Ping>(a, topic))
        {
            for (var n = 1; n <= 3; n++) await a.PublishAsync(topic, null, new Ping("a", n));
            await early.WaitForAsync(3);
        }

        using var late = new LiveRecorder<Ping>(b, topic);
        using var subscription = b.Subscribe(topic, _ => Task.CompletedTask);
        Assert.Equal(3, subscription.StartSeq);
        await a.PublishAsync(topic, "someone", new Ping("a", 4));

        var heard = Assert.Single(await late.WaitForAsync(1));
        Assert.Equal(new Ping("a", 4), heard);
        Assert.Equal(4, late.Events.Single().Seq);
        Assert.Equal("someone", late.Events.Single().ActorId);
    }

    [Fact]
    public async Task AChangeOfADerivedType_ArrivesAsThatType()
    {
        var a = await NewInstanceAsync<RoomChange>();
        var b = await NewInstanceAsync<RoomChange>();
        var topic = NewTopic();
        using var onB = new LiveRecorder<RoomChange>(b, topic);

        await a.PublishAsync(topic, null, new MessageRemoved(7));
        await a.PublishAsync(topic, null, new ReactionToggled(7, "👍", "u1", true, 2));

        var heard = await onB.WaitForAsync(2);
        Assert.Equal(new MessageRemoved(7), heard[0]);
        Assert.Equal(new ReactionToggled(7, "👍", "u1", true, 2), heard[1]);
    }

    [Fact]
    public async Task Publish_DoesNotWaitForABlockedSubscriber_OnEitherInstance()
    {
        var a = await NewInstanceAsync<Ping>();
        var b = await NewInstanceAsync<Ping>();
        var topic = NewTopic();
        var release = new TaskCompletionSource();
        using var blockedOnA = new LiveRecorder<Ping>(a, topic, _ => release.Task);
        using var blockedOnB = new LiveRecorder<Ping>(b, topic, _ => release.Task);
        using var healthy = new LiveRecorder<Ping>(b, topic);

        for (var n = 1; n <= 5; n++) await a.PublishAsync(topic, null, new Ping("a", n));

        Assert.Equal(5, (await healthy.WaitForAsync(5)).Count);
        Assert.Empty(blockedOnA.Heard);
        release.SetResult();
        Assert.Equal(5, (await blockedOnB.WaitForAsync(5)).Count);
    }

    /// <summary>Once a later change arrives everywhere, any duplicate of an earlier one would have too.</summary>
    private static async Task PublishMarkerAndWaitAsync(ILiveNotifier<Ping> notifier, string topic, params LiveRecorder<Ping>[] recorders)
    {
        await notifier.PublishAsync(topic, null, new Ping("marker", 0));
        foreach (var recorder in recorders) await recorder.WaitUntilAsync(heard => heard.Any(p => p.From == "marker"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    private sealed class Disposing(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
