using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Hosting;

namespace HrcCommunity.Tests.Live;

[Collection(RedisCollection.Name)]
public sealed class RedisRateLimitTests(RedisServerProcess redis)
{
    [Fact]
    public async Task TwoInstancesLimiters_CountOneClientTogether_AndRefuseOnceTheSharedLimitIsReached()
    {
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        var key = $"rate-test:{Guid.NewGuid():N}";
        using var onA = new RedisFixedWindowRateLimiter(connectionA.GetDatabase(), key, permitLimit: 5, TimeSpan.FromMinutes(1));
        using var onB = new RedisFixedWindowRateLimiter(connectionB.GetDatabase(), key, permitLimit: 5, TimeSpan.FromMinutes(1));

        var granted = new List<bool>();
        for (var n = 0; n < 3; n++)
        {
            using var leaseA = await onA.AcquireAsync();
            granted.Add(leaseA.IsAcquired);
            using var leaseB = onB.AttemptAcquire();
            granted.Add(leaseB.IsAcquired);
        }

        Assert.Equal([true, true, true, true, true, false], granted);
        var ttl = await connectionA.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }
}
