using System.Threading.RateLimiting;
using HrcCommunity.Domain.Live;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Web.Hosting;

/// <summary>
/// A fixed-window limit counted in Redis, so every instance counts one client's requests together: the same window and
/// permit count as the in-process limiter it replaces, with no queue. A request Redis cannot count is let through;
/// an unreachable Redis must not lock everyone out.
/// </summary>
public sealed class RedisFixedWindowRateLimiter(IDatabase redis, string key, int permitLimit, TimeSpan window) : RateLimiter
{
    // Counts the request and starts the window's clock on its first one, in one step.
    private const string Count = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    /// <summary>The policy's partition: counted in Redis when it is configured, in this process otherwise.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, string policy, string partitionKey, int permitLimit, TimeSpan window)
    {
        if (context.RequestServices.GetService<IConnectionMultiplexer>() is not { } redis)
            return RateLimitPartition.GetFixedWindowLimiter(partitionKey,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
        var prefix = context.RequestServices.GetRequiredService<IOptions<RedisOptions>>().Value.Prefix;
        return RateLimitPartition.Get(partitionKey,
            key => new RedisFixedWindowRateLimiter(redis.GetDatabase(), $"{prefix}rate:{policy}:{key}", permitLimit, window));
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        permitCount == 0 ? Granted : Decide(() => redis.ScriptEvaluate(Count, [key], [(long)window.TotalMilliseconds]));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0) return Granted;
        try
        {
            return Decide((long)await redis.ScriptEvaluateAsync(Count, [key], [(long)window.TotalMilliseconds]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Granted;
        }
    }

    private RateLimitLease Decide(Func<RedisResult> count)
    {
        try
        {
            return Decide((long)count());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Granted;
        }
    }

    private RateLimitLease Decide(long count) => count <= permitLimit ? Granted : Refused;

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
