namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>The recurring purge; what is left to purge is read from our own rows each time, so a rerun is harmless.</summary>
public sealed class PrivacyRetentionJob(RetentionService retention)
{
    public const string RecurringJobId = "privacy-retention";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var report = await retention.PurgeAsync(ct);
        // Returned as text so the dashboard shows what was purged; it carries counts only, no personal data.
        return report.ToString();
    }
}
