namespace HrcCommunity.Domain.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Hrc:Scheduler";

    /// <summary>Off runs no Hangfire server here (tests, benchmarks, admin commands): jobs wait in storage.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Standard 5-field cron, UTC, for the daily digest: every day at 07:00.</summary>
    public string DailyDigestCron { get; set; } = "0 7 * * *";

    /// <summary>Standard 5-field cron, UTC, for the weekly digest: Mondays at 07:00.</summary>
    public string WeeklyDigestCron { get; set; } = "0 7 * * 1";

    /// <summary>Standard 5-field cron, UTC, for the experts' digest of waiting questions: every day at 08:00.</summary>
    public string ExpertDigestCron { get; set; } = "0 8 * * *";

    /// <summary>How long a question waits unclaimed before the experts' digest lists it.</summary>
    public TimeSpan ExpertDigestWait { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often the sweep sends event reminders a lost delayed job would have sent (UTC cron).</summary>
    public string ReminderSweepCron { get; set; } = "*/5 * * * *";

    /// <summary>Hangfire's SQLite storage times out on locks under many workers: keep this at 1 or 2.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often due delayed jobs are moved to the queue and the queue is checked for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
