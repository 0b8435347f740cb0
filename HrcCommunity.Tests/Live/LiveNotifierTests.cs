using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HrcCommunity.Tests.Live;

public sealed class LiveNotifierTests
{
    private sealed record Ping(int N);

    private static InProcessLiveNotifier<T> NewNotifier<T>() => new(NullLogger<InProcessLiveNotifier<T>>.Instance, TimeProvider.System);

    [Fact]
    public async Task Publish_ReachesSubscribersOfThatTopicOnly_AndNotAfterDispose()
    {
        var notifier = NewNotifier<Ping>();
        var roomA = new LiveRecorder<Ping>(notifier, "room-a");
        using var stillInRoomA = new LiveRecorder<Ping>(notifier, "room-a");
        using var roomB = new LiveRecorder<Ping>(notifier, "room-b");

        await notifier.PublishAsync("room-a", null, new Ping(1));
        await roomA.WaitForAsync(1);
        roomA.Dispose();
        await notifier.PublishAsync("room-a", null, new Ping(2));
        await notifier.PublishAsync("room-b", null, new Ping(3));

        Assert.Equal([1, 2], (await stillInRoomA.WaitForAsync(2)).Select(p => p.N));
        Assert.Equal([3], (await roomB.WaitForAsync(1)).Select(p => p.N));
        Assert.Equal([1], roomA.Heard.Select(p => p.N));
        Assert.Equal(1, notifier.SubscriberCount("room-a"));
    }

    [Fact]
    public async Task Publish_DoesNotWaitForABlockedSubscriber_AndTheOthersStillHearIt()
    {
        var notifier = NewNotifier<Ping>();
        var release = new TaskCompletionSource();
        using var blocked = new LiveRecorder<Ping>(notifier, "t", _ => release.Task);
        using var healthy = new LiveRecorder<Ping>(notifier, "t");

        var publishing = notifier.PublishAsync("t", null, new Ping(1));

        Assert.True(publishing.IsCompletedSuccessfully, "The sender waited for a subscriber.");
        Assert.Equal([1], (await healthy.WaitForAsync(1)).Select(p => p.N));
        Assert.Empty(blocked.Heard);
        release.SetResult();
        Assert.Equal([1], (await blocked.WaitForAsync(1)).Select(p => p.N));
    }

    [Fact]
    public async Task ASlowSubscriber_DropsItsOwnOldestEvents_AndStillEndsWithTheNewest()
    {
        var notifier = NewNotifier<Ping>();
        var release = new TaskCompletionSource();
        using var slow = new LiveRecorder<Ping>(notifier, "t", _ => release.Task);
        using var fast = new LiveRecorder<Ping>(notifier, "t");
        const int capacity = InProcessLiveNotifier<Ping>.QueueCapacity;
        const int total = capacity * 2;

        for (var n = 1; n <= total; n++) await notifier.PublishAsync("t", null, new Ping(n));
        await fast.WaitUntilAsync(h => h.Count > 0 && h[^1].N == total);
        Assert.Empty(slow.Heard);
        release.SetResult();

        // The pump may hold one early event while blocked; the queue keeps the newest it can hold.
        var heard = await slow.WaitUntilAsync(h => h.Count > 0 && h[^1].N == total);
        Assert.InRange(heard.Count, capacity, capacity + 1);
        Assert.Equal(Enumerable.Range(total - capacity + 1, capacity), heard.TakeLast(capacity).Select(p => p.N));
    }

    [Fact]
    public async Task Publish_NumbersEachTopicOnItsOwn_AndNamesTheActor()
    {
        var notifier = NewNotifier<Ping>();
        using var roomA = new LiveRecorder<Ping>(notifier, "a");
        using var roomB = new LiveRecorder<Ping>(notifier, "b");

        await notifier.PublishAsync("a", "emil", new Ping(1));
        await notifier.PublishAsync("b", null, new Ping(2));
        await notifier.PublishAsync("a", "carla", new Ping(3));
        await roomA.WaitForAsync(2);
        await roomB.WaitForAsync(1);
        using var late = notifier.Subscribe("a", _ => Task.CompletedTask);

        Assert.Equal([(1L, "emil"), (2L, "carla")], roomA.Events.Select(e => (e.Seq, e.ActorId)));
        Assert.Equal([("b", 1L)], roomB.Events.Select(e => (e.Topic, e.Seq)));
        Assert.Equal(2, await late.StartSeq);
    }

    [Fact]
    public async Task ASlowSubscriber_WhoseOldestEventsWereDropped_SeesOneGap_AndReloadsOnce()
    {
        var notifier = NewNotifier<Ping>();
        var release = new TaskCompletionSource();
        var holdingTheFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = new LiveRecorder<Ping>(notifier, "t", _ =>
        {
            holdingTheFirst.TrySetResult();
            return release.Task;
        });
        const int total = InProcessLiveNotifier<Ping>.QueueCapacity * 2;

        // The pump must hold event 1 before the backlog overflows; had it started later, its first event would
        // itself follow a gap, and a second one would come at the overflow.
        await notifier.PublishAsync("t", "someone", new Ping(1));
        await holdingTheFirst.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var n = 2; n <= total; n++) await notifier.PublishAsync("t", "someone", new Ping(n));
        release.SetResult();
        await slow.WaitUntilAsync(h => h.Count > 0 && h[^1].N == total);

        var follower = new LiveSequence(0, "me");
        var steps = slow.Events.Select(follower.Next).ToList();
        Assert.Equal(1, steps.Count(s => s == LiveStep.Reload));
        Assert.Equal(total, follower.Last);
    }

    [Fact]
    public async Task Publish_WhenOneSubscriberThrows_StillReachesTheOthers_AndTheThrowerHearsWhatFollows()
    {
        var notifier = NewNotifier<Ping>();
        using var broken = new LiveRecorder<Ping>(notifier, "t", p => p.N == 1 ? throw new InvalidOperationException("closed circuit") : Task.CompletedTask);
        using var healthy = new LiveRecorder<Ping>(notifier, "t");

        await notifier.PublishAsync("t", null, new Ping(1));
        await notifier.PublishAsync("t", null, new Ping(2));

        Assert.Equal([1, 2], (await healthy.WaitForAsync(2)).Select(p => p.N));
        Assert.Equal([2], (await broken.WaitForAsync(1)).Select(p => p.N));
    }

    [Fact]
    public async Task ASubscriberDisposedWithEventsStillQueued_StopsItsPump_AndHearsNoMore()
    {
        var notifier = NewNotifier<Ping>();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = new List<int>();
        var subscription = notifier.Subscribe("room", async e =>
        {
            lock (heard) heard.Add(e.Change.N);
            busy.TrySetResult();
            await release.Task;
        });
        for (var n = 1; n <= 5; n++) await notifier.PublishAsync("room", null, new Ping(n));
        await busy.Task;

        // Four events wait behind the first when the view closes.
        subscription.Dispose();
        release.SetResult();

        await ((LiveFanOut<Ping>.Subscription)subscription).Pump.WaitAsync(TimeSpan.FromSeconds(10));
        lock (heard) Assert.Equal([1], heard);
    }

    [Fact]
    public async Task Presence_CountsAPersonWithTwoViewsOnce_AndDropsThemWhenTheLastCloses()
    {
        var notifier = NewNotifier<PresenceChanged>();
        var presence = new InProcessPresence(notifier, TimeProvider.System);
        using var changes = new LiveRecorder<PresenceChanged>(notifier, "queue");

        var tab1 = presence.Join("queue", new PresenceMember("u1", "Emil"));
        var tab2 = presence.Join("queue", new PresenceMember("u1", "Emil"));
        var other = presence.Join("queue", new PresenceMember("u2", "Carla"));
        Assert.Equal(["Carla", "Emil"], presence.Snapshot("queue").Present.Select(m => m.DisplayName));

        await tab1.DisposeAsync();
        Assert.Equal(2, presence.Snapshot("queue").Count);
        await tab2.DisposeAsync();
        await other.DisposeAsync();
        Assert.Equal(0, presence.Snapshot("queue").Count);

        // Whatever was gathered into changes so far, replaying them up to the next arrival leaves only that arrival.
        await using var later = presence.Join("queue", new PresenceMember("u3", "Zoe"));
        var heard = await changes.WaitUntilAsync(h => h.Any(c => c.Joined.Any(m => m.UserId == "u3")));
        var present = new HashSet<string>();
        foreach (var change in heard)
        {
            present.UnionWith(change.Joined.Select(m => m.UserId));
            present.ExceptWith(change.LeftUserIds);
        }
        Assert.Equal(["u3"], present);
        Assert.Equal(1, heard[^1].Count);
    }

    [Fact]
    public async Task Presence_GathersJoinsAndLeaves_IntoAtMostOneChangePerWindow()
    {
        var notifier = NewNotifier<PresenceChanged>();
        var presence = new InProcessPresence(notifier, TimeProvider.System);
        var times = new List<DateTimeOffset>();
        using var changes = new LiveRecorder<PresenceChanged>(notifier, "room", _ => { lock (times) times.Add(DateTimeOffset.UtcNow); return Task.CompletedTask; });

        var handles = Enumerable.Range(1, 200).Select(i => presence.Join("room", new PresenceMember($"u{i}", $"Person {i}"))).ToList();
        // A reload inside the window: leaving and coming back is no change for the others.
        await handles[0].DisposeAsync();
        handles[0] = presence.Join("room", new PresenceMember("u1", "Person 1"));
        for (var i = 150; i < 200; i++) await handles[i].DisposeAsync();

        var heard = await changes.WaitUntilAsync(h => h.Count > 0 && h[^1].Count == 150);
        var present = new HashSet<string>();
        foreach (var change in heard)
        {
            present.UnionWith(change.Joined.Select(m => m.UserId));
            present.ExceptWith(change.LeftUserIds);
        }
        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"u{i}").ToHashSet(), present);
        Assert.True(heard.Count <= 3, $"{heard.Count} changes for one burst");
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= InProcessPresence.Window - TimeSpan.FromMilliseconds(50), "Two presence changes inside one window");
    }
}
