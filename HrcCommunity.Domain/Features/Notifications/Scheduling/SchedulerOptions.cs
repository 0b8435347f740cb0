namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Hrc:Scheduler";

    /// <summary>Off in tests that do not want jobs firing in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cron (Quartz syntax, UTC) for the weekly digest: Mondays at 07:00.</summary>
    public string DigestCron { get; set; } = "0 0 7 ? * MON";
}
