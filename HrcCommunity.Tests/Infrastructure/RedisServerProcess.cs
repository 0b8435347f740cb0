using System.Diagnostics;
using System.Text;
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
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; } = AppProcess.FreePort();

    /// <summary>The StackExchange.Redis connection string, as Hrc:Redis:Configuration takes it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server)) throw new InvalidOperationException($"{Server} is missing: test.sh installs Debian's redis-server.");
        var start = new ProcessStartInfo(Server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", _folder })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"redis-server did not answer on port {Port}:\n{Output}");
    }

    /// <summary>A connection of its own, as a second instance would have.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration);

    private string Output { get { lock (_output) return _output.ToString(); } }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerProcess>
{
    public const string Name = "redis";
}
