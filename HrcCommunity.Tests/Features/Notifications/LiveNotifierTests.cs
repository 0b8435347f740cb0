using HrcCommunity.Domain.Features.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class LiveNotifierTests
{
    private sealed record Ping(int N);

    [Fact]
    public async Task Publish_ReachesSubscribersOfThatTopicOnly_AndNotAfterDispose()
    {
        var notifier = new InProcessLiveNotifier<Ping>(NullLogger<InProcessLiveNotifier<Ping>>.Instance);
        var roomA = new List<int>();
        var roomB = new List<int>();
        var subscriptionA = notifier.Subscribe("room-a", p => { roomA.Add(p.N); return Task.CompletedTask; });
        using var subscriptionB = notifier.Subscribe("room-b", p => { roomB.Add(p.N); return Task.CompletedTask; });

        await notifier.PublishAsync("room-a", new Ping(1));
        subscriptionA.Dispose();
        await notifier.PublishAsync("room-a", new Ping(2));

        Assert.Equal([1], roomA);
        Assert.Empty(roomB);
        Assert.Equal(0, notifier.SubscriberCount("room-a"));
    }

    [Fact]
    public async Task Publish_WhenOneSubscriberThrows_StillReachesTheOthers()
    {
        var notifier = new InProcessLiveNotifier<Ping>(NullLogger<InProcessLiveNotifier<Ping>>.Instance);
        var heard = 0;
        using var broken = notifier.Subscribe("t", _ => throw new InvalidOperationException("closed circuit"));
        using var healthy = notifier.Subscribe("t", _ => { heard++; return Task.CompletedTask; });

        await notifier.PublishAsync("t", new Ping(1));

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task Presence_CountsAPersonWithTwoViewsOnce_AndDropsThemWhenTheLastCloses()
    {
        var notifier = new InProcessLiveNotifier<PresenceChanged>(NullLogger<InProcessLiveNotifier<PresenceChanged>>.Instance);
        var presence = new PresenceTracker(notifier);

        var tab1 = await presence.JoinAsync("queue", "u1", "Emil");
        var tab2 = await presence.JoinAsync("queue", "u1", "Emil");
        var other = await presence.JoinAsync("queue", "u2", "Carla");
        Assert.Equal(["Carla", "Emil"], presence.Present("queue"));

        await tab1.DisposeAsync();
        Assert.Equal(["Carla", "Emil"], presence.Present("queue"));
        await tab2.DisposeAsync();
        await other.DisposeAsync();
        Assert.Empty(presence.Present("queue"));
    }
}
