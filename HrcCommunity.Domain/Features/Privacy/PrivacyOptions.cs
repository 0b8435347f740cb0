namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>How long personal data is kept (section Hrc:Privacy); the privacy page states the same periods.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Hrc:Privacy";

    /// <summary>How long an asker's name, email and place stay on a question after it is answered or closed,
    /// and a correction proposer's email after the correction is decided.</summary>
    public TimeSpan ContactRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long the email and address hashes behind the anti-abuse limits are kept after asking or proposing.
    /// Never shorter than the limits' own window, or the limits would stop counting.</summary>
    public TimeSpan RateLimitRecordRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the emailed link to a personal data archive works; the archive is deleted after.</summary>
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>When the retention job runs (cron, UTC).</summary>
    public string RetentionCron { get; set; } = "17 * * * *";
}
