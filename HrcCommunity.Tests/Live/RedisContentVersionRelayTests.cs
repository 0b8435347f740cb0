using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Live;

[Collection(RedisCollection.Name)]
public sealed class RedisContentVersionRelayTests(RedisServerProcess redis)
{
    [Fact]
    public async Task AWriteOnOneInstance_MovesTheOthersContentVersion_AndNotItsOwnTwice()
    {
        var options = Options.Create(new RedisOptions { Configuration = redis.Configuration, Prefix = $"t{Guid.NewGuid():N}:" });
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        var (a, b) = (new ContentVersion(), new ContentVersion());
        var relayA = new RedisContentVersionRelay(connectionA, a, options);
        var relayB = new RedisContentVersionRelay(connectionB, b, options);
        await relayA.StartAsync(CancellationToken.None);
        await relayB.StartAsync(CancellationToken.None);
        var before = b.Value;

        // What the interceptor does when a transaction commits on A.
        a.TransactionCommitted(null!, null!);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (b.Value == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "B's content version never moved.");
            await Task.Delay(10);
        }
        // A hears its own announcement too and ignores it: after a move of B's own, A moves once.
        b.TransactionCommitted(null!, null!);
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (a.Value != 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "A's content version never moved for B's write.");
            await Task.Delay(10);
        }
        Assert.Equal(2, b.Value);
        await relayA.StopAsync(CancellationToken.None);
        await relayB.StopAsync(CancellationToken.None);
    }
}
