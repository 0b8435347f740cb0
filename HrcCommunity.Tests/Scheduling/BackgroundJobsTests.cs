using Hangfire;
using Hangfire.States;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Tests.Scheduling;

public sealed class BackgroundJobsTests
{
    [Fact]
    public async Task DelayedJob_SurvivesAHostRestart_AndRunsExactlyOnce()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var probe = JobProbe.Create();

        string jobId;
        using (var before = await JobHosts.StartAsync(database.DataFolder, "before"))
        {
            jobId = before.Services.GetRequiredService<IBackgroundJobClient>()
                .Schedule<ProbeJob>(job => job.RunAsync(probe.Token), TimeSpan.FromSeconds(20));
            await before.StopAsync();
        }
        Assert.Equal(0, probe.Runs);

        using var after = await JobHosts.StartAsync(database.DataFolder, "after");
        // A ceiling, not a sleep: the job is due 20 s after it was scheduled, later only on a starved machine.
        await probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await after.Services.GetRequiredService<JobStorage>().WaitForStateAsync(jobId, SucceededState.StateName, TimeSpan.FromSeconds(30));
        await after.StopAsync();

        Assert.Equal(1, probe.Runs);
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachKeepsItsOwnStorageAndServices_AfterTheOtherStops()
    {
        await using var firstDatabase = await SqliteDatabase.CreateAsync();
        await using var secondDatabase = await SqliteDatabase.CreateAsync();
        using var first = await JobHosts.StartAsync(firstDatabase.DataFolder, "first");
        var secondProbe = JobProbe.Create();
        using (var second = await JobHosts.StartAsync(secondDatabase.DataFolder, "second"))
        {
            second.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HostProbeJob>(job => job.RunAsync(secondProbe.Token));
            Assert.Equal("second", await secondProbe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            await second.StopAsync();
        }

        // The second host configured Hangfire last and is gone. The first host's client, resolved only now, must
        // still write to the first host's storage, and its job must be built from the first host's container.
        var firstProbe = JobProbe.Create();
        first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HostProbeJob>(job => job.RunAsync(firstProbe.Token));

        Assert.Equal("first", await firstProbe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Throws<InvalidOperationException>(() => JobStorage.Current);
        await first.StopAsync();
    }
}
