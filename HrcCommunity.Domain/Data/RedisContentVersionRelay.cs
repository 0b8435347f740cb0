using HrcCommunity.Domain.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// Carries <see cref="ContentVersion"/> moves between instances over Redis pub/sub: a write on A moves B's version too,
/// so B stops answering from pages it cached before that write. The move reaches B a pub/sub hop after A's write (well
/// under a millisecond on one network); a page B renders inside that hop may be kept until the cache's own one-minute
/// lifetime ends.
/// </summary>
public sealed class RedisContentVersionRelay(IConnectionMultiplexer redis, ContentVersion content, IOptions<RedisOptions> options) : IHostedService
{
    private readonly RedisValue _instance = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Prefix + "content-version");
    private ChannelMessageQueue? _messages;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _messages = await redis.GetSubscriber().SubscribeAsync(_channel);
        _messages.OnMessage(message =>
        {
            if (message.Message != _instance) content.MoveForWriteElsewhere();
        });
        content.MovedHere += Announce;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        content.MovedHere -= Announce;
        if (_messages is not null) await _messages.UnsubscribeAsync();
    }

    // Fire and forget: a write never waits for Redis; commands on one connection still leave in order.
    private void Announce() => redis.GetSubscriber().Publish(_channel, _instance, CommandFlags.FireAndForget);
}
