using HrcCommunity.Domain.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>
/// The flood limit shared by every instance: one sorted set of post times per person and room, trimmed, counted and
/// added to in one script, so two posts racing on two instances cannot both take the last slot. A post Redis cannot
/// count is let through: an unreachable Redis must not silence every room.
/// </summary>
internal sealed class RedisRoomFloodGate(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisRoomFloodGate> logger)
    : IRoomFloodGate
{
    // KEYS[1] the person's set; ARGV: the window's start (ms), the post's time (ms), the limit, a unique member, the window (ms).
    private const string Take = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    // Removes one post made at ARGV[1] (ms).
    private const string Give = """
        local taken = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
        if taken[1] then redis.call('ZREM', KEYS[1], taken[1]) end
        return 0
        """;

    private readonly IDatabase _db = redis.GetDatabase();

    public async ValueTask<bool> TryTakeAsync(int eventId, string userId, DateTime now)
    {
        var at = Milliseconds(now);
        var window = (long)DialogueRoomService.FloodWindow.TotalMilliseconds;
        try
        {
            return (long)await _db.ScriptEvaluateAsync(Take, [Key(eventId, userId)],
                [at - window, at, DialogueRoomService.FloodLimit, $"{at}:{Guid.NewGuid():N}", window]) == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not count a post in room {EventId} against the flood limit", eventId);
            return true;
        }
    }

    public async ValueTask ReturnAsync(int eventId, string userId, DateTime at)
    {
        try
        {
            await _db.ScriptEvaluateAsync(Give, [Key(eventId, userId)], [Milliseconds(at)]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The slot frees itself when the window passes.
            logger.LogWarning(ex, "Could not give back a flood slot in room {EventId}", eventId);
        }
    }

    private RedisKey Key(int eventId, string userId) => $"{options.Value.Prefix}flood:{eventId}:{userId}";

    private static long Milliseconds(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
