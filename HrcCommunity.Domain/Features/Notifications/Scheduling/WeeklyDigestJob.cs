using Quartz;

namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(DigestService digests, TimeProvider clock) : IJob
{
    public Task Execute(IJobExecutionContext context)
    {
        var end = (context.ScheduledFireTimeUtc ?? clock.GetUtcNow()).UtcDateTime;
        return digests.SendWeeklyAsync(end, context.CancellationToken);
    }
}
