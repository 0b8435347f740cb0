using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// The live bus between instances. Each topic's number lives in Redis, and a Lua script increments it and publishes
/// the event in one step: Redis runs scripts one at a time, so the numbers and the order in which every instance
/// receives the events agree, whichever instance published. Every instance listens on one channel per change type
/// and hands each event once to its own subscribers (<see cref="LiveFanOut{TChange}"/>), so a change reaches every
/// circuit and hub connection exactly once. Redis pub/sub forgets what it could not deliver (a dropped connection):
/// followers then see a gap in the numbers and reload, as they do after a restart.
/// </summary>
public sealed class RedisLiveNotifier<TChange> : ILiveNotifier<TChange>, IDisposable
{
    // KEYS[1] the topic's number; ARGV[1] the channel, ARGV[2] the event without its number (filled in here).
    private const string NumberAndPublish = """
        local seq = redis.call('INCR', KEYS[1])
        redis.call('PUBLISH', ARGV[1], seq .. '\n' .. ARGV[2])
        return seq
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDatabase _db;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly LiveFanOut<TChange> _fanOut;
    private readonly string _keyPrefix;
    private readonly RedisChannel _channel;
    private readonly ChannelMessageQueue _messages;

    public RedisLiveNotifier(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisLiveNotifier<TChange>> logger, TimeProvider clock)
    {
        _db = redis.GetDatabase();
        _logger = logger;
        _clock = clock;
        _fanOut = new LiveFanOut<TChange>(logger);
        var name = typeof(TChange).FullName ?? typeof(TChange).Name;
        _keyPrefix = $"{options.Value.Prefix}live:seq:{name}:";
        _channel = RedisChannel.Literal($"{options.Value.Prefix}live:{name}");
        // Subscribed before anyone can follow a topic, so no event numbered after a subscriber's start passes us by.
        _messages = redis.GetSubscriber().Subscribe(_channel);
        // One message at a time, in the order Redis sent them.
        _messages.OnMessage(Receive);
    }

    /// <summary>
    /// Never waits for Redis: the subscriber is in place at once and its start follows one read of the topic's number
    /// (shared by everyone who joins the topic meanwhile, and skipped when this process already follows the topic).
    /// A blocking read here, one per hub join, starved the thread pool at a thousand joins.
    /// </summary>
    public ILiveSubscription Subscribe(string topic, Func<LiveEvent<TChange>, Task> handler) =>
        _fanOut.Subscribe(topic, handler, ReadLastSeqAsync);

    public Task PublishAsync(string topic, string? actorId, TChange change) =>
        RunAsync(NumberAndPublish, topic, [_channel.ToString(), Serialize(topic, actorId, change, _clock.GetUtcNow())]);

    internal int SubscriberCount(string topic) => _fanOut.SubscriberCount(topic);

    public void Dispose() => _messages.Unsubscribe();

    private RedisKey SeqKey(string topic) => _keyPrefix + topic;

    private async Task<long> ReadLastSeqAsync(string topic) => (long?)await _db.StringGetAsync(SeqKey(topic)) ?? 0;

    /// <summary>
    /// Waits for Redis, never for a receiver. The change is saved by now; if Redis is unreachable it is not announced,
    /// and followers catch up on their next reload instead of the writer's request failing.
    /// </summary>
    private async Task RunAsync(string script, string topic, RedisValue[] args)
    {
        try
        {
            await _db.ScriptEvaluateAsync(script, [SeqKey(topic)], args);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Could not announce a change on {Topic} through Redis", topic);
        }
    }

    private static string Serialize(string topic, string? actorId, TChange change, DateTimeOffset at)
    {
        var type = change?.GetType() ?? typeof(TChange);
        return JsonSerializer.Serialize(new Envelope(topic, actorId, at, type == typeof(TChange) ? null : type.FullName,
            JsonSerializer.SerializeToElement(change, type, Json)), Json);
    }

    private void Receive(ChannelMessage message)
    {
        LiveEvent<TChange> liveEvent;
        try
        {
            var text = (string)message.Message!;
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            var envelope = JsonSerializer.Deserialize<Envelope>(text.AsSpan(newline + 1), Json)!;
            liveEvent = new LiveEvent<TChange>(envelope.Topic, long.Parse(text.AsSpan(0, newline), System.Globalization.CultureInfo.InvariantCulture),
                envelope.ActorId, (TChange)envelope.Change.Deserialize(ResolveType(envelope.Type), Json)!, envelope.At);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or InvalidCastException)
        {
            _logger.LogWarning(ex, "Skipped a live event on {Channel} that could not be read", _channel);
            return;
        }
        if (_fanOut.Find(liveEvent.Topic) is not { } state) return;
        lock (state) state.Offer(liveEvent);
    }

    /// <summary>A subtype of the change (a room's <c>MessagePosted</c>), looked up only beside the change type itself.</summary>
    private static Type ResolveType(string? name)
    {
        if (name is null) return typeof(TChange);
        var type = typeof(TChange).Assembly.GetType(name);
        return type is not null && typeof(TChange).IsAssignableFrom(type)
            ? type
            : throw new InvalidOperationException($"{name} is not a {typeof(TChange).Name}.");
    }

    private sealed record Envelope(string Topic, string? ActorId, DateTimeOffset At, string? Type, JsonElement Change);
}
