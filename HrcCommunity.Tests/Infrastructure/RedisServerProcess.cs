using StackExchange.Redis;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// A throwaway Debian <c>redis-server</c> on a free loopback port, with nothing saved to disk, for tests of what
/// instances share through Redis. test.sh installs the package when it is missing.
/// </summary>
public sealed class RedisServerProcess : IAsyncLifetime
{
    private const string Server = "/usr/bin/redis-server";
    private readonly string _folder = RepoPaths.NewTempFolder("redis");
    private ServerProcess? _process;

    public int Port { get; } = AppProcess.FreePort();

    /// <summary>The StackExchange.Redis connection string, as Hrc:Redis:Configuration takes it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server)) throw new InvalidOperationException($"{Server} is missing: test.sh installs Debian's redis-server.");
        var process = _process = ServerProcess.Start("redis-server", Server,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder],
            _folder);
        await process.WaitUntilAnsweringAsync(async () =>
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await probe.GetDatabase().PingAsync();
                return true;
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => $"port {Port}\n{process.Output}");
    }

    /// <summary>A connection of its own, as a second instance would have.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration);

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerProcess>
{
    public const string Name = "redis";
}
