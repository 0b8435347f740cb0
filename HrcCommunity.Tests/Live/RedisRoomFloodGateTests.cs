using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Tests.Live;

/// <summary>The room's flood limit, counted in Redis, holds for a person posting through two instances.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRoomFloodGateTests(RedisServerProcess redis)
{
    private static readonly DateTime Start = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PostsThroughTwoInstances_ShareOneAllowance()
    {
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        var (onA, onB) = (Gate(connectionA), Gate(connectionB));
        var user = Guid.NewGuid().ToString("N");

        var taken = new List<bool>();
        for (var n = 0; n < DialogueRoomService.FloodLimit + 2; n++)
            taken.Add(await (n % 2 == 0 ? onA : onB).TryTakeAsync(7, user, Start.AddMilliseconds(n)));

        Assert.Equal(Enumerable.Repeat(true, DialogueRoomService.FloodLimit).Concat([false, false]), taken);
        // Another room, and another person, count on their own.
        Assert.True(await onB.TryTakeAsync(8, user, Start.AddMilliseconds(20)));
        Assert.True(await onA.TryTakeAsync(7, Guid.NewGuid().ToString("N"), Start.AddMilliseconds(20)));
    }

    [Fact]
    public async Task RacingForTheLastSlot_OnTwoInstances_OneWins()
    {
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        var (onA, onB) = (Gate(connectionA), Gate(connectionB));
        var user = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(n =>
            (n % 2 == 0 ? onA : onB).TryTakeAsync(7, user, Start.AddMilliseconds(n)).AsTask()));

        Assert.Equal(DialogueRoomService.FloodLimit, results.Count(r => r));
    }

    [Fact]
    public async Task AReturnedSlot_AndTheWindowPassing_FreeTheAllowanceAgain()
    {
        await using var connection = await redis.ConnectAsync();
        var gate = Gate(connection);
        var user = Guid.NewGuid().ToString("N");
        for (var n = 0; n < DialogueRoomService.FloodLimit; n++) Assert.True(await gate.TryTakeAsync(7, user, Start.AddSeconds(n)));
        Assert.False(await gate.TryTakeAsync(7, user, Start.AddSeconds(8)));

        await gate.ReturnAsync(7, user, Start.AddSeconds(3));
        Assert.True(await gate.TryTakeAsync(7, user, Start.AddSeconds(8)));
        Assert.False(await gate.TryTakeAsync(7, user, Start.AddSeconds(9)));

        // Ten seconds after the first post, its slot has left the window.
        Assert.True(await gate.TryTakeAsync(7, user, Start + DialogueRoomService.FloodWindow + TimeSpan.FromMilliseconds(1)));
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync($"test:flood:7:{user}");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), DialogueRoomService.FloodWindow);
    }

    private static RedisRoomFloodGate Gate(IConnectionMultiplexer connection) =>
        new(connection, Options.Create(new RedisOptions { Prefix = "test:" }), NullLogger<RedisRoomFloodGate>.Instance);
}
