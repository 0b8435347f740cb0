using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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

    private async Task<RedisLiveNotifier<T>> NewInstanceAsync<T>(ConfigurationOptions? configuration = null)
    {
        var connection = configuration is null ? await redis.ConnectAsync() : await ConnectionMultiplexer.ConnectAsync(configuration);
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
        await Task.WhenAll(onA.Started, onB.Started, alsoOnB.Started);
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
        Assert.Equal(3, await late.Started);
        Assert.Equal(3, await subscription.StartSeq);
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
        await onB.Started;

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
        await Task.WhenAll(blockedOnB.Started, healthy.Started);

        for (var n = 1; n <= 5; n++) await a.PublishAsync(topic, null, new Ping("a", n));

        Assert.Equal(5, (await healthy.WaitForAsync(5)).Count);
        Assert.Empty(blockedOnA.Heard);
        release.SetResult();
        Assert.Equal(5, (await blockedOnB.WaitForAsync(5)).Count);
    }

    [Fact]
    public async Task AThousandSubscribes_WhileRedisCannotAnswer_ReturnAtOnce_AndStartWithOneReadPerTopic()
    {
        var a = await NewInstanceAsync<Ping>();
        // Patient enough to outlast the pause below without a timeout.
        var options = ConfigurationOptions.Parse(redis.Configuration);
        options.AsyncTimeout = options.SyncTimeout = 30_000;
        var b = await NewInstanceAsync<Ping>(options);
        var topics = Enumerable.Range(0, 1000).Select(_ => NewTopic()).ToArray();
        await Task.WhenAll(topics.Select(async (topic, i) =>
        {
            for (var n = 1; n <= i % 3 + 1; n++) await a.PublishAsync(topic, null, new Ping("a", n));
        }));
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints().Single());
        var readsBefore = await CallsAsync(server, "get");

        // Redis holds every client's commands for three seconds: a subscribe that waited for it could not return.
        await server.ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        var subscribing = System.Diagnostics.Stopwatch.StartNew();
        var subscriptions = await Task.WhenAll(topics.SelectMany(topic => new[] { topic, topic })
            .Select(topic => Task.Run(() => b.Subscribe(topic, _ => Task.CompletedTask))));
        subscribing.Stop();
        var unstarted = subscriptions.Count(s => !s.StartSeq.IsCompleted);

        var starts = await Task.WhenAll(subscriptions.Select(s => s.StartSeq)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(subscribing.Elapsed < TimeSpan.FromSeconds(2), $"2,000 subscribes took {subscribing.Elapsed}");
        Assert.Equal(subscriptions.Length, unstarted);
        Assert.Equal(topics.SelectMany((_, i) => new long[] { i % 3 + 1, i % 3 + 1 }), starts);
        // Two subscribers per topic, one read each.
        Assert.Equal(topics.Length, await CallsAsync(server, "get") - readsBefore);
        foreach (var subscription in subscriptions) subscription.Dispose();
    }

    [Fact]
    public async Task SubscribesRacingPublishesFromAnotherInstance_EachHearEveryEventAfterTheirStart_OnceAndInOrder()
    {
        var a = await NewInstanceAsync<Ping>();
        var followers = new List<RedisLiveNotifier<Ping>>();
        for (var k = 0; k < 8; k++) followers.Add(await NewInstanceAsync<Ping>());
        var topic = NewTopic();
        const int each = 200, step = 20;
        var reached = Enumerable.Range(0, followers.Count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var recorders = new List<LiveRecorder<Ping>>();

        var publishing = new[] { "p1", "p2" }.Select(from => Task.Run(async () =>
        {
            for (var n = 1; n <= each; n++)
            {
                await a.PublishAsync(topic, from, new Ping(from, n));
                if (from == "p1" && n % step == 0 && n / step - 1 < reached.Length) reached[n / step - 1].SetResult();
            }
        })).ToArray();
        // Each follower instance joins mid-stream with three subscribers at once (one read of the topic's place, shared)
        // and the publishing instance with one more.
        for (var k = 0; k < followers.Count; k++)
        {
            await reached[k].Task;
            var joined = Enumerable.Range(0, 3).Select(_ => new LiveRecorder<Ping>(followers[k], topic)).Append(new LiveRecorder<Ping>(a, topic)).ToList();
            recorders.AddRange(joined);
            await Task.WhenAll(joined.Select(r => r.Started));
        }
        await Task.WhenAll(publishing);
        await PublishMarkerAndWaitAsync(a, topic, [.. recorders]);

        const int last = 2 * each + 1;
        foreach (var recorder in recorders)
        {
            var start = await recorder.Started;
            Assert.InRange(start, step, last - 1);
            Assert.Equal(Enumerable.Range((int)start + 1, last - (int)start).Select(n => (long)n), recorder.Events.Select(e => e.Seq));
        }
        foreach (var recorder in recorders) recorder.Dispose();
    }

    private static async Task<long> CallsAsync(IServer server, string command)
    {
        var stats = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        if (!stats.TryGetValue($"cmdstat_{command}", out var line)) return 0;
        return long.Parse(line.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
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
