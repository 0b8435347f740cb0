using Hangfire;
using Hangfire.States;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HrcCommunity.Tests.Features.Notifications;

/// <summary>The real app, stopped and started again on the same data folder, with a reminder scheduled in between.</summary>
public sealed class ReminderRestartTests
{
    [Fact]
    public async Task Reminder_ScheduledBeforeTheAppStops_IsSentExactlyOnce_AfterItStartsAgain()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = new SqliteDatabase { Clock = new ManualClock(DateTimeOffset.UtcNow) };
        await database.InitializeAsync();
        var settings = new Dictionary<string, string>
        {
            ["Hrc:SeedDemoContent"] = "false",
            ["Hrc:Email:SmtpHost"] = "127.0.0.1",
            ["Hrc:Email:SmtpPort"] = smtp.Port.ToString(),
            ["Hrc:Email:SmtpSecurity"] = "None",
            ["Hrc:Scheduler:PollInterval"] = "00:00:01",
            // The sweep runs every minute too, so it races the delayed job for the same reminder.
            ["Hrc:Scheduler:ReminderSweepCron"] = "* * * * *",
        };
        var title = $"Restart dialogue {Guid.NewGuid():N}";
        int eventId;
        DateTime start;
        await using (var first = await AppProcess.StartAsync(settings, database.DataFolder.Path))
        {
            // The app runs on the real clock, so the event is real too: it starts in about eleven minutes, with one
            // reminder ten minutes before, due some 30 to 90 seconds from now.
            var now = DateTimeOffset.UtcNow;
            database.Clock.Advance(now - database.Clock.GetUtcNow());
            start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified).AddMinutes(now.Second < 30 ? 11 : 12);
            var coordinator = await EventsTestData.CoordinatorAsync(database);
            eventId = await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(title) with
            {
                LocalStart = start, LocalEnd = start.AddHours(1), TimeZone = "UTC",
            });
            await database.Get<EventRegistrationService>().RegisterAsync(await EventsTestData.PractitionerAsync(database, "Rhea Restart"), eventId, AccessNeeds.None);
            await database.Get<EventReminderService>().SaveSettingsAsync(coordinator, eventId, new ReminderSettings([10m / 60m], null));
        }
        var jobId = Assert.Single(database.Get<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000),
            j => j.Value.Job.Method.Name == nameof(EventReminderJob.RunAsync) && (int)j.Value.Job.Args[0] == eventId).Key;
        Assert.Empty(Reminders(smtp, title));

        await using var second = await AppProcess.StartAsync(settings, database.DataFolder.Path);
        // Ceilings, not sleeps: the reminder is due within 90 seconds, later only on a starved machine.
        await database.Get<JobStorage>().WaitForStateAsync(jobId, SucceededState.StateName, TimeSpan.FromSeconds(240));
        await WaitUntilAsync(() => Reminders(smtp, title).Count > 0, TimeSpan.FromSeconds(60), second);
        // A second server gets there as well, late: our rows turn it away.
        database.Clock.Advance(DateTimeOffset.UtcNow - database.Clock.GetUtcNow());
        var late = await database.Get<EventReminderService>().SendDueAsync();
        var retried = await database.Get<EventReminderJob>().RunAsync(eventId, 10, start, CancellationToken.None);

        Assert.Equal((0, 0), (late, retried));
        var message = Assert.Single(Reminders(smtp, title));
        Assert.Equal($"Reminder: {title} starts in 10 minutes", message.Subject);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.ReminderDeliveries.CountAsync(d => d.EventId == eventId));
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Category == "events/reminder"));
    }

    private static List<MimeMessage> Reminders(SmtpServerProcess smtp, string title) =>
        smtp.Messages().Where(m => m.Subject!.Contains(title) && m.Subject.StartsWith("Reminder:")).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan ceiling, AppProcess app)
    {
        var deadline = DateTime.UtcNow + ceiling;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nothing arrived within {ceiling}. The app said:\n{app.Output}");
            await Task.Delay(100);
        }
    }
}
