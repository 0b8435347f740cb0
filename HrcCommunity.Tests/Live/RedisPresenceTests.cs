using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Live;

/// <summary>Presence counted across two "instances" (two connections, two presences) sharing one redis-server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisPresenceTests(RedisServerProcess redis) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly List<IAsyncDisposable> _owned = [];

    private async Task<(RedisPresence Presence, RedisLiveNotifier<PresenceChanged> Notifier)> NewInstanceAsync()
    {
        var connection = await redis.ConnectAsync();
        _owned.Add(connection);
        var options = Options.Create(new RedisOptions { Configuration = redis.Configuration, PresenceTimeout = Timeout });
        var notifier = new RedisLiveNotifier<PresenceChanged>(connection, options, NullLogger<RedisLiveNotifier<PresenceChanged>>.Instance, _clock);
        return (new RedisPresence(connection, notifier, options, _clock, NullLogger<RedisPresence>.Instance), notifier);
    }

    [Fact]
    public async Task PeopleOnBothInstances_AreCountedOnEach_AndSomeoneOnBothLeavesOnlyWithTheirLastView()
    {
        var a = await NewInstanceAsync();
        var b = await NewInstanceAsync();
        var topic = $"room:{Guid.NewGuid():N}";
        using var changes = new LiveRecorder<PresenceChanged>(b.Notifier, topic);
        await changes.Started;

        var annOnA = a.Presence.Join(topic, new PresenceMember("ann", "Ann", "Lund"));
        var bobOnB = b.Presence.Join(topic, new PresenceMember("bob", "Bob", "Oslo"));
        var annOnB = b.Presence.Join(topic, new PresenceMember("ann", "Ann", "Lund"));

        await changes.WaitUntilAsync(heard => heard.SelectMany(c => c.Joined).Select(m => m.UserId).Distinct().Count() == 2);
        Assert.Equal(["Ann", "Bob"], a.Presence.Snapshot(topic).Present.Select(m => m.DisplayName));
        Assert.Equal(["Ann", "Bob"], b.Presence.Snapshot(topic).Present.Select(m => m.DisplayName));

        await annOnA.DisposeAsync();
        await bobOnB.DisposeAsync();
        var bobLeft = await changes.WaitUntilAsync(heard => heard.Any(c => c.LeftUserIds.Contains("bob")));
        Assert.DoesNotContain(bobLeft, c => c.LeftUserIds.Contains("ann"));
        Assert.Equal(["Ann"], a.Presence.Snapshot(topic).Present.Select(m => m.DisplayName));

        await annOnB.DisposeAsync();
        await changes.WaitUntilAsync(heard => heard.Any(c => c.LeftUserIds.Contains("ann")));
        Assert.Equal(0, a.Presence.Snapshot(topic).Count);
    }

    [Fact]
    public async Task ACrashedInstancesPeople_LeaveOnceTheirEntriesExpire_AndTheOtherInstancesSweepSaysSo()
    {
        var crashing = await NewInstanceAsync();
        var b = await NewInstanceAsync();
        var topic = $"room:{Guid.NewGuid():N}";
        using var changes = new LiveRecorder<PresenceChanged>(b.Notifier, topic);
        await changes.Started;
        crashing.Presence.Join(topic, new PresenceMember("ann", "Ann"));
        await using var bob = b.Presence.Join(topic, new PresenceMember("bob", "Bob"));
        await changes.WaitUntilAsync(heard => heard.SelectMany(c => c.Joined).Select(m => m.UserId).Distinct().Count() == 2);

        // Within the timeout the silent instance's people still count.
        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        await b.Presence.HeartbeatAsync();
        Assert.Equal(2, b.Presence.Snapshot(topic).Count);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await b.Presence.HeartbeatAsync();

        var left = (await changes.WaitUntilAsync(heard => heard.Any(c => c.LeftUserIds.Contains("ann")))).Single(c => c.LeftUserIds.Contains("ann"));
        Assert.Equal(1, left.Count);
        Assert.Equal(["Bob"], b.Presence.Snapshot(topic).Present.Select(m => m.DisplayName));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }
}
