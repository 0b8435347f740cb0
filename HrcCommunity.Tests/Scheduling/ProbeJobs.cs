using System.Collections.Concurrent;
using Hangfire;

namespace HrcCommunity.Tests.Scheduling;

/// <summary>
/// What test jobs report back. Hangfire builds jobs from the host's container and passes only their
/// arguments, so each job finds its test's probe by a token argument here.
/// </summary>
public sealed class JobProbe
{
    private static readonly ConcurrentDictionary<string, JobProbe> Probes = new();

    private int _runs;

    private JobProbe() { }

    public TaskCompletionSource<string> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs => Volatile.Read(ref _runs);

    public string Token { get; } = Guid.NewGuid().ToString("N");

    public static JobProbe Create()
    {
        var probe = new JobProbe();
        Probes[probe.Token] = probe;
        return probe;
    }

    public static JobProbe For(string token) => Probes[token];

    public int Record(string ranIn)
    {
        var runs = Interlocked.Increment(ref _runs);
        Ran.TrySetResult(ranIn);
        return runs;
    }
}

/// <summary>Which host's container a job was built from.</summary>
public sealed record HostName(string Value);

public sealed class ProbeJob
{
    public Task RunAsync(string token)
    {
        JobProbe.For(token).Record("");
        return Task.CompletedTask;
    }
}

public sealed class HostProbeJob(HostName host)
{
    public Task RunAsync(string token)
    {
        JobProbe.For(token).Record(host.Value);
        return Task.CompletedTask;
    }
}

public sealed class FailingJob
{
    /// <summary>One retry, one second later: long enough to see the back-off, short enough for a test.</summary>
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [1])]
    public Task RunAsync(string token)
    {
        var attempt = JobProbe.For(token).Record("");
        throw new InvalidOperationException($"Probe failure, attempt {attempt}.");
    }
}
