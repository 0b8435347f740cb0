namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>The Hangfire entry points for reminders: one delayed job per reminder, and the recurring sweep behind them.</summary>
public sealed class EventReminderJob(EventReminderService reminders)
{
    public const string SweepJobId = "event-reminders-sweep";

    // The start comes back from the job's stored arguments; a serializer that reads "Z" as local time must not move it.
    public Task<int> RunAsync(int eventId, int offsetMinutes, DateTime startsAtUtc, CancellationToken ct) =>
        reminders.SendAsync(eventId, offsetMinutes, startsAtUtc.Kind == DateTimeKind.Local ? startsAtUtc.ToUniversalTime() : startsAtUtc, ct);

    public Task<int> SweepAsync(CancellationToken ct) => reminders.SendDueAsync(ct);
}
