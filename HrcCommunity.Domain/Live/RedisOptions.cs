namespace HrcCommunity.Domain.Live;

public sealed class RedisOptions
{
    public const string Section = "Hrc:Redis";

    /// <summary>
    /// A StackExchange.Redis connection string ("redis:6379,password=…"). Empty: one instance, everything live held in
    /// this process. Set: live events, presence, the SignalR backplane, rate limits and the page-cache version go
    /// through Redis, so two or more instances behave as one.
    /// </summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prefixes every key and channel, so several deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "hrc:";

    /// <summary>
    /// How long an instance's presence entries outlive its last heartbeat: a crashed instance's people leave every
    /// room within this time (and one heartbeat more).
    /// </summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
