using Hangfire;
using Hangfire.Storage.Monitoring;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Features.Notifications;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class EventReminderTests
{
    // Monday 29 March 2027, 10:00–11:30 in Vienna: the day after Europe moved to summer time (UTC+2 from 28 March, 01:00 UTC).
    private static readonly EventEdit SpringDialogue = EventsTestData.Edit("Spring dialogue") with
    {
        LocalStart = new DateTime(2027, 3, 29, 10, 0, 0), LocalEnd = new DateTime(2027, 3, 29, 11, 30, 0),
    };

    private static readonly DateTime SpringStartUtc = new(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task NewEvent_SchedulesJobs24HoursAnd1HourBeforeTheStart_InUtcAcrossTheClockChange()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(database);

        var id = await database.Get<EventService>().CreateAsync(coordinator, SpringDialogue);

        Assert.Equal([SpringStartUtc.AddHours(-24), SpringStartUtc.AddHours(-1)], ScheduledFor(database, id, SpringStartUtc));
    }

    [Fact]
    public async Task Reminder_ShowsEachPersonTheTimeInTheirOwnZone_ElseTheEvents()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, _) = await EventWithParticipantsAsync(database, SpringDialogue, "Vera Vienna", "Nora New York");
        var nora = await UserNamedAsync(database, "Nora New York");
        await database.Get<CalendarFeedService>().SetTimeZoneAsync(nora, "America/New_York");
        var reminders = database.Get<EventReminderService>();

        MoveTo(database, SpringStartUtc.AddHours(-24).AddMinutes(-1));
        Assert.Equal(0, await reminders.SendAsync(id, 24 * 60, SpringStartUtc));
        MoveTo(database, SpringStartUtc.AddHours(-24));
        Assert.Equal(2, await reminders.SendAsync(id, 24 * 60, SpringStartUtc));

        var emails = await RemindersAsync(database);
        Assert.All(emails, e => Assert.Equal("Reminder: Spring dialogue starts in 1 day", e.Subject));
        // New York moved to summer time on 14 March, so it is six hours behind Vienna that Monday.
        Assert.Contains("Mon 29 Mar 2027, 10:00–11:30 (Europe/Vienna)", Single(emails, "Vera Vienna").TextBody);
        Assert.Contains("Mon 29 Mar 2027, 04:00–05:30 (America/New_York)", Single(emails, "Nora New York").TextBody);
        Assert.Contains("04:00–05:30 (America/New_York)", Single(emails, "Nora New York").HtmlBody);
        await using var db = database.CreateDbContext();
        var bell = await db.Notifications.SingleAsync(n => n.UserId == nora.UserId);
        Assert.Equal(NotificationKind.EventReminder, bell.Kind);
        Assert.Equal($"/events/{id}", bell.Link);
    }

    [Fact]
    public async Task Reschedule_MovesTheReminders_AndTheOldTimesJobDoesNothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, coordinator) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");
        var events = database.Get<EventService>();
        var version = (await events.GetAsync(coordinator, id))!.Version;
        var reminders = database.Get<EventReminderService>();

        await events.UpdateAsync(coordinator, id, SpringDialogue with
        {
            LocalStart = new DateTime(2027, 3, 31, 10, 0, 0), LocalEnd = new DateTime(2027, 3, 31, 11, 0, 0), ExpectedVersion = version,
        });
        var newStart = SpringStartUtc.AddDays(2);

        Assert.Equal([newStart.AddHours(-24), newStart.AddHours(-1)], ScheduledFor(database, id, newStart));
        MoveTo(database, SpringStartUtc.AddHours(-1));
        Assert.Equal(0, await reminders.SendAsync(id, 60, SpringStartUtc));
        Assert.Equal(0, await reminders.SendDueAsync());
        MoveTo(database, newStart.AddHours(-1));
        Assert.Equal(1, await reminders.SendAsync(id, 60, newStart));
        Assert.Contains("Wed 31 Mar 2027, 10:00–11:00", Assert.Single(await RemindersAsync(database)).TextBody);
    }

    [Fact]
    public async Task Cancel_CancelsTheReminders()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, coordinator) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");

        await database.Get<EventService>().CancelAsync(coordinator, id);
        MoveTo(database, SpringStartUtc.AddHours(-1));

        var reminders = database.Get<EventReminderService>();
        Assert.Equal(0, await reminders.SendAsync(id, 60, SpringStartUtc));
        Assert.Equal(0, await reminders.SendDueAsync());
        Assert.Empty(await RemindersAsync(database));
    }

    [Fact]
    public async Task Job_RunTwiceAndConcurrently_RemindsEachPersonExactlyOnce()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, _) = await EventWithParticipantsAsync(database, SpringDialogue, "Ana", "Ben", "Cleo");
        var job = database.Get<EventReminderJob>();
        MoveTo(database, SpringStartUtc.AddHours(-1));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.RunAsync(id, 60, SpringStartUtc, CancellationToken.None))));
        var retried = await job.RunAsync(id, 60, SpringStartUtc, CancellationToken.None);
        var swept = await job.SweepAsync(CancellationToken.None);

        Assert.Equal(3, concurrent.Sum());
        Assert.Equal(0, retried + swept);
        Assert.Equal(3, (await RemindersAsync(database)).Count);
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.ReminderDeliveries.CountAsync(d => d.EventId == id));
        Assert.Equal(3, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.EventReminder));
    }

    [Fact]
    public async Task Sweep_AfterAnOutage_SendsOnlyTheNearestDueReminder_AndLaterPeopleGetItToo()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, _) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");
        var reminders = database.Get<EventReminderService>();

        MoveTo(database, SpringStartUtc.AddMinutes(-30));
        Assert.Equal(1, await reminders.SendDueAsync());
        Assert.Equal(0, await reminders.SendAsync(id, 24 * 60, SpringStartUtc));
        await database.Get<EventRegistrationService>().RegisterAsync(await EventsTestData.PractitionerAsync(database, "Late Larry"), id, AccessNeeds.None);
        Assert.Equal(1, await reminders.SendDueAsync());

        var emails = await RemindersAsync(database);
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal("Reminder: Spring dialogue starts in 1 hour", e.Subject));
        MoveTo(database, SpringStartUtc);
        Assert.Equal(0, await reminders.SendAsync(id, 60, SpringStartUtc));
    }

    [Fact]
    public async Task OrganiserSettings_ChangeTheTimes_AndAddAMessage()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, coordinator) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");
        var reminders = database.Get<EventReminderService>();

        await reminders.SaveSettingsAsync(coordinator, id, new ReminderSettings([48m, 0.5m], "Bring your city's <charter> & notes."));

        var saved = await reminders.GetSettingsAsync(coordinator, id);
        Assert.Equal([48m, 0.5m], saved.Hours);
        Assert.Equal("Bring your city's <charter> & notes.", saved.Message);
        Assert.Contains(SpringStartUtc.AddHours(-48), ScheduledFor(database, id, SpringStartUtc));
        Assert.Contains(SpringStartUtc.AddMinutes(-30), ScheduledFor(database, id, SpringStartUtc));
        MoveTo(database, SpringStartUtc.AddHours(-1));
        Assert.Equal(0, await reminders.SendAsync(id, 60, SpringStartUtc));
        MoveTo(database, SpringStartUtc.AddMinutes(-30));
        Assert.Equal(1, await reminders.SendAsync(id, 30, SpringStartUtc));
        var email = Assert.Single(await RemindersAsync(database));
        Assert.Equal("Reminder: Spring dialogue starts in 30 minutes", email.Subject);
        Assert.Contains("> Bring your city's <charter> & notes.", email.TextBody);
        Assert.Contains("Bring your city&#39;s &lt;charter&gt; &amp; notes.", email.HtmlBody);
    }

    [Fact]
    public async Task OrganiserSettings_OutOfRangeOrByAPractitioner_AreRefusedWithAMessage()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, coordinator) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");
        var reminders = database.Get<EventReminderService>();

        var tooSoon = await Assert.ThrowsAsync<ValidationFailedException>(() => reminders.SaveSettingsAsync(coordinator, id, new ReminderSettings([0.1m], null)));
        Assert.Contains("between 10 minutes and 14 days", tooSoon.Message);
        await Assert.ThrowsAsync<ValidationFailedException>(() => reminders.SaveSettingsAsync(coordinator, id, new ReminderSettings([1, 2, 3, 4, 5], null)));
        var practitioner = await UserNamedAsync(database, "Pia Practitioner");
        await Assert.ThrowsAsync<ForbiddenException>(() => reminders.SaveSettingsAsync(practitioner, id, new ReminderSettings([1], null)));
        Assert.Null(EventReminderService.ParseHours("24 hours"));
        Assert.Equal([24m, 0.5m], EventReminderService.ParseHours("24, 0.5"));
    }

    [Fact]
    public async Task Reminder_QueuedWhileTheSmtpServerIsDown_ArrivesOnceWithTextAndHtml()
    {
        await using var smtp = new SmtpServerProcess();
        await using var database = await SqliteDatabase.CreateAsync();
        var (id, _) = await EventWithParticipantsAsync(database, SpringDialogue, "Pia Practitioner");
        var dispatcher = new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(),
            new SmtpEmailTransport(Options.Create(new EmailOptions
            {
                SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpSecurity = SecureSocketOptions.None, SmtpTimeout = TimeSpan.FromSeconds(10),
            }), NullLogger<SmtpEmailTransport>.Instance),
            database.Clock, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);
        MoveTo(database, SpringStartUtc.AddHours(-24));
        await database.Get<EventReminderService>().SendAsync(id, 24 * 60, SpringStartUtc);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.NotNull(Assert.Single(await RemindersAsync(database)).LastError);
        await smtp.StartAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var message = Assert.Single(smtp.Messages());
        Assert.Equal("Reminder: Spring dialogue starts in 1 day", message.Subject);
        Assert.Contains("Mon 29 Mar 2027, 10:00–11:30 (Europe/Vienna)", message.TextBody);
        Assert.Contains($"/events/{id}\"", message.HtmlBody);
    }

    private static async Task<(int Id, Actor Coordinator)> EventWithParticipantsAsync(SqliteDatabase database, EventEdit edit, params string[] names)
    {
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        var id = await database.Get<EventService>().CreateAsync(coordinator, edit);
        foreach (var name in names)
            await database.Get<EventRegistrationService>().RegisterAsync(await EventsTestData.PractitionerAsync(database, name), id, AccessNeeds.None);
        return (id, coordinator);
    }

    private static async Task<Actor> UserNamedAsync(SqliteDatabase database, string name)
    {
        await using var db = database.CreateDbContext();
        var id = await db.Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync();
        return new Actor(id, name, new HashSet<string> { Domain.Features.Accounts.Roles.Practitioner }, true);
    }

    private static void MoveTo(SqliteDatabase database, DateTime utc) =>
        database.Clock.Advance(new DateTimeOffset(utc, TimeSpan.Zero) - database.Clock.GetUtcNow());

    /// <summary>When the Hangfire jobs for this event and start are due, earliest first.</summary>
    private static List<DateTime> ScheduledFor(SqliteDatabase database, int eventId, DateTime startUtc) =>
        database.Get<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Select(j => j.Value)
            .Where(j => j.Job.Method.Name == nameof(EventReminderJob.RunAsync) && (int)j.Job.Args[0] == eventId
                && ((DateTime)j.Job.Args[2]).ToUniversalTime() == startUtc)
            .Select(j => DateTime.SpecifyKind(j.EnqueueAt, DateTimeKind.Utc))
            .Order().ToList();

    private static async Task<List<OutboxEmail>> RemindersAsync(SqliteDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.OutboxEmails.AsNoTracking().Where(e => e.Category == "events/reminder").OrderBy(e => e.Id).ToListAsync();
    }

    private static OutboxEmail Single(IEnumerable<OutboxEmail> emails, string name) => emails.Single(e => e.TextBody.Contains($"Hello {name},"));
}
