using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace HrcCommunity.Tests.Live;

public sealed class CircuitPresenceTests
{
    private readonly InProcessPresence _presence = new(
        new InProcessLiveNotifier<PresenceChanged>(NullLogger<InProcessLiveNotifier<PresenceChanged>>.Instance, TimeProvider.System), TimeProvider.System);

    [Fact]
    public async Task APersonLeaves_WhenTheirCircuitsConnectionDrops_AndIsBack_WhenItComesUp()
    {
        var circuit = new CircuitPresence(_presence);
        await using var room = circuit.Join("room:1", new PresenceMember("u1", "Ada", "Lund"));
        await using var board = circuit.Join("board:1", new PresenceMember("u1", "Ada"));
        await using var other = _presence.Join("room:1", new PresenceMember("u2", "Bruno", "York"));

        await circuit.OnConnectionDownAsync(null!, CancellationToken.None);
        Assert.Equal(["Bruno"], Names("room:1"));
        Assert.Empty(Names("board:1"));

        await circuit.OnConnectionUpAsync(null!, CancellationToken.None);
        Assert.Equal(["Ada", "Bruno"], Names("room:1"));
        Assert.Equal("Lund", _presence.Snapshot("room:1").Present.Single(m => m.UserId == "u1").City);
        Assert.Equal(["Ada"], Names("board:1"));
    }

    [Fact]
    public async Task AViewClosedWhileTheConnectionWasDown_DoesNotComeBackWithIt_AndOneJoinedWhileDownCountsOnceItIsUp()
    {
        var circuit = new CircuitPresence(_presence);
        var closed = circuit.Join("room:2", new PresenceMember("u1", "Ada"));
        await circuit.OnConnectionDownAsync(null!, CancellationToken.None);
        await closed.DisposeAsync();
        await using var opened = circuit.Join("room:3", new PresenceMember("u1", "Ada"));
        Assert.Empty(Names("room:3"));

        await circuit.OnConnectionUpAsync(null!, CancellationToken.None);

        Assert.Empty(Names("room:2"));
        Assert.Equal(["Ada"], Names("room:3"));
        await opened.DisposeAsync();
        Assert.Empty(Names("room:3"));
    }

    private List<string> Names(string topic) => [.. _presence.Snapshot(topic).Present.Select(m => m.DisplayName)];
}
