namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Hrc:Scheduler";

    /// <summary>Off in tests that do not want jobs firing in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The scheduler's name, under which its jobs and triggers are stored. Quartz also keeps schedulers in one
    /// list per process by this name, so two app hosts in one process (tests) need names of their own.
    /// </summary>
    public string InstanceName { get; set; } = "HrcCommunity";

    /// <summary>Cron (Quartz syntax, UTC) for the weekly digest: Mondays at 07:00.</summary>
    public string DigestCron { get; set; } = "0 0 7 ? * MON";
}
