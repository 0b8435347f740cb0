using HrcCommunity.Domain.Features.Notifications.Scheduling;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class SchedulerTests
{
    [Fact]
    public async Task ScheduledJob_SurvivesASchedulerRestart_AndFiresAfterIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var signal = new ReminderSignal();
        var jobFactory = new DiJobFactory(new ServiceCollection().AddSingleton(signal).BuildServiceProvider());
        var schedulerName = $"restart-{Guid.NewGuid():N}";

        var before = await SchedulerHost.CreateAsync(database.DataFolder.DatabasePath, schedulerName, jobFactory, CancellationToken.None);
        await before.Start();
        var job = JobBuilder.Create<ReminderJob>().WithIdentity("workshop-42", "reminders").UsingJobData("room", "workshop-42").Build();
        var trigger = TriggerBuilder.Create().WithIdentity("workshop-42", "reminders").StartAt(DateTimeOffset.UtcNow.AddSeconds(3)).Build();
        await before.ScheduleJob(job, trigger);
        // Waiting stops the old scheduler thread for good, as a real restart does (and SchedulerHost.StopAsync
        // waits too): without it the old thread can still mark the trigger acquired after the new one recovered it.
        await before.Shutdown(waitForJobsToComplete: true);
        Assert.False(signal.Fired.Task.IsCompleted);

        var after = await SchedulerHost.CreateAsync(database.DataFolder.DatabasePath, schedulerName, jobFactory, CancellationToken.None);
        Assert.True(await after.CheckExists(new TriggerKey("workshop-42", "reminders")));
        await after.Start();

        // A ceiling, not a sleep: it fires about three seconds in, later only on a starved machine.
        var room = await signal.Fired.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal("workshop-42", room);
        await after.Shutdown(waitForJobsToComplete: true);
    }

    public sealed class ReminderSignal
    {
        public TaskCompletionSource<string> Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class ReminderJob(ReminderSignal signal) : IJob
    {
        public Task Execute(IJobExecutionContext context)
        {
            signal.Fired.TrySetResult(context.MergedJobDataMap.GetString("room")!);
            return Task.CompletedTask;
        }
    }
}
