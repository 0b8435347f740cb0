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

    /// <summary>Waits for a job to reach a state; Hangfire moves it there just after the job method returns.</summary>
    public static async Task WaitForStateAsync(this JobStorage storage, string jobId, string state, TimeSpan ceiling)
    {
        using var timeout = new CancellationTokenSource(ceiling);
        while (true)
        {
            using (var connection = storage.GetConnection())
                if (connection.GetStateData(jobId)?.Name == state) return;
            await Task.Delay(100, timeout.Token);
        }
    }
}
