using Hangfire;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Privacy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Scheduling;

/// <summary>Writes the recurring jobs to storage at startup, so a changed cron replaces the stored one.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs, IOptions<SchedulerOptions> options,
    IOptions<PrivacyOptions> privacy) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<DigestJob>(DigestJob.DailyJobId, job => job.RunDailyAsync(CancellationToken.None),
            options.Value.DailyDigestCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<DigestJob>(DigestJob.WeeklyJobId, job => job.RunWeeklyAsync(CancellationToken.None),
            options.Value.WeeklyDigestCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<DigestJob>(DigestJob.ExpertJobId, job => job.RunExpertAsync(CancellationToken.None),
            options.Value.ExpertDigestCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<EventReminderJob>(EventReminderJob.SweepJobId, job => job.SweepAsync(CancellationToken.None),
            options.Value.ReminderSweepCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurringJobs.AddOrUpdate<PrivacyRetentionJob>(PrivacyRetentionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            privacy.Value.RetentionCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
