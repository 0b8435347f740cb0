using Cronos;
using HrcCommunity.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// The recurring digest. Hangfire runs a job at least once, so a retry or a duplicate must land on the
/// same week: the period ends at the latest cron occurrence at or before now, not at "now", and the
/// unique <see cref="DigestRun.PeriodEnd"/> then refuses the second send.
/// </summary>
public sealed class WeeklyDigestJob(DigestService digests, TimeProvider clock, IOptions<SchedulerOptions> options)
{
    public const string RecurringJobId = "weekly-digest";

    public Task<int> RunAsync(CancellationToken ct) =>
        digests.SendWeeklyAsync(PeriodEndAt(options.Value.DigestCron, clock.GetUtcNow()), ct);

    public static DateTime PeriodEndAt(string cron, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        // A weekly digest fires at least once in any seven days, so its occurrence is within them.
        return CronExpression.Parse(cron)
            .GetOccurrences(nowUtc.AddDays(-7), nowUtc, fromInclusive: true, toInclusive: true)
            .Select(o => (DateTime?)o)
            .LastOrDefault()
            ?? throw new InvalidOperationException($"The digest cron '{cron}' does not fire every week.");
    }
}
