using Hangfire;
using HrcCommunity.Domain;
using HrcCommunity.Domain.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Tests.Scheduling;

/// <summary>Hosts of the Domain services alone, with Hangfire on: restarted or run side by side by a test.</summary>
public static class JobHosts
{
    public static async Task<IHost> StartAsync(DataFolder dataFolder, string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hrc:Scheduler:PollInterval"] = "00:00:01",
            ["Hrc:Scheduler:WorkerCount"] = "1",
        });
        builder.Services.AddHrcDomain(builder.Configuration, dataFolder);
        builder.Services.AddSingleton(new HostName(name));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Waits for a job's current state; Hangfire moves it there just after the job method returns. Read from the job
    /// itself, never from GetStateData: the SQLite storage answers that with the newest history row, and a retry writes
    /// the Failed state it turned down into the history (a separate write, not one transaction) just before the
    /// Scheduled state it chose, so a reader in between saw a failing job as Failed after its first attempt.
    /// </summary>
    public static async Task WaitForStateAsync(this JobStorage storage, string jobId, string state, TimeSpan ceiling)
    {
        using var timeout = new CancellationTokenSource(ceiling);
        while (true)
        {
            using (var connection = storage.GetConnection())
                if (connection.GetJobData(jobId)?.State == state) return;
            await Task.Delay(100, timeout.Token);
        }
    }
}
