using System.Collections.Specialized;
using HrcCommunity.Domain.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;

namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

/// <summary>
/// Runs Quartz with its persistent store in our SQLite database (tables from the Scheduler
/// migration), so a reminder or digest scheduled before a restart still fires after it.
/// Features schedule through <see cref="IScheduler"/> from <see cref="GetSchedulerAsync"/>.
/// </summary>
public sealed class SchedulerHost(DataFolder dataFolder, DiJobFactory jobFactory, IOptions<SchedulerOptions> options) : IHostedService
{
    private readonly TaskCompletionSource<IScheduler> _scheduler = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IScheduler> GetSchedulerAsync() => _scheduler.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        var scheduler = await CreateAsync(dataFolder.DatabasePath, options.Value.InstanceName, jobFactory, cancellationToken);
        await ScheduleRecurringJobsAsync(scheduler, cancellationToken);
        await scheduler.Start(cancellationToken);
        _scheduler.TrySetResult(scheduler);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler.Task.IsCompletedSuccessfully) await _scheduler.Task.Result.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    public static async Task<IScheduler> CreateAsync(string databasePath, string schedulerName, DiJobFactory jobFactory, CancellationToken ct)
    {
        // Quartz keeps data sources, like schedulers, in one list per process by name: each scheduler names its
        // own after itself, or a second scheduler in the process would take over the first one's database.
        var dataSource = $"{schedulerName}-db";
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = schedulerName,
            ["quartz.scheduler.instanceId"] = "AUTO",
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz",
            ["quartz.jobStore.tablePrefix"] = "QRTZ_",
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.dataSource"] = dataSource,
            ["quartz.jobStore.misfireThreshold"] = "60000",
            [$"quartz.dataSource.{dataSource}.provider"] = "SQLite-Microsoft",
            [$"quartz.dataSource.{dataSource}.connectionString"] = $"Data Source={databasePath};Default Timeout=30",
            ["quartz.serializer.type"] = typeof(JsonObjectSerializer).AssemblyQualifiedName,
        };
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(ct);
        scheduler.JobFactory = jobFactory;
        return scheduler;
    }

    private async Task ScheduleRecurringJobsAsync(IScheduler scheduler, CancellationToken ct)
    {
        var digest = new JobKey("weekly-digest", "digests");
        var trigger = TriggerBuilder.Create()
            .WithIdentity("weekly-digest", "digests")
            .ForJob(digest)
            .WithCronSchedule(options.Value.DigestCron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        if (!await scheduler.CheckExists(digest, ct))
        {
            var job = JobBuilder.Create<WeeklyDigestJob>().WithIdentity(digest).StoreDurably().Build();
            await scheduler.ScheduleJob(job, trigger, ct);
        }
        else
        {
            // The cron may have been reconfigured since the trigger was stored.
            await scheduler.RescheduleJob(trigger.Key, trigger, ct);
        }
    }
}
