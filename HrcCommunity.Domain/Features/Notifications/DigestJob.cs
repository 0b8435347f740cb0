using Cronos;
using HrcCommunity.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// The recurring digests. Hangfire runs a job at least once, so a retry or a duplicate must land on the same
/// period: a period ends at the latest cron occurrence at or before now, not at "now", and the unique
/// <see cref="DigestDelivery"/> per person and period then refuses the second send.
/// </summary>
public sealed class DigestJob(DigestService digests, TimeProvider clock, IOptions<SchedulerOptions> options)
{
    public const string DailyJobId = "daily-digest";
    public const string WeeklyJobId = "weekly-digest";
    public const string ExpertJobId = "expert-digest";

    public Task<int> RunDailyAsync(CancellationToken ct) =>
        digests.SendAsync(DigestFrequency.Daily, PeriodEndAt(options.Value.DailyDigestCron, clock.GetUtcNow(), TimeSpan.FromDays(1)), ct);

    public Task<int> RunWeeklyAsync(CancellationToken ct) =>
        digests.SendAsync(DigestFrequency.Weekly, PeriodEndAt(options.Value.WeeklyDigestCron, clock.GetUtcNow(), TimeSpan.FromDays(7)), ct);

    public Task<int> RunExpertAsync(CancellationToken ct) =>
        digests.SendExpertAsync(PeriodEndAt(options.Value.ExpertDigestCron, clock.GetUtcNow(), TimeSpan.FromDays(1)), ct);

    /// <param name="period">How often the cron fires at least, so its latest occurrence lies within it.</param>
    public static DateTime PeriodEndAt(string cron, DateTimeOffset now, TimeSpan period)
    {
        var nowUtc = now.UtcDateTime;
        return CronExpression.Parse(cron)
            .GetOccurrences(nowUtc - period, nowUtc, fromInclusive: true, toInclusive: true)
            .Select(o => (DateTime?)o)
            .LastOrDefault()
            ?? throw new InvalidOperationException($"The digest cron '{cron}' does not fire at least every {period.TotalDays:0} days.");
    }
}
