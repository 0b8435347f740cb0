using System.Globalization;
using Hangfire;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <param name="Hours">Hours before the start, largest first, as the organiser enters them ("24, 1", "0.5").</param>
public sealed record ReminderSettings(IReadOnlyList<decimal> Hours, string? Message);

/// <summary>
/// Event reminders. Hangfire delayed jobs wake them at the right moment, but only our rows decide what is sent: a job
/// carries the start it was scheduled for and does nothing once the event moved or was cancelled, and a
/// <see cref="ReminderDelivery"/> row, written in the same save as the email and the bell line, is what stops a retry,
/// a restart or a second server from reminding anyone twice. A recurring sweep sends what a lost job would have.
/// </summary>
public sealed class EventReminderService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email,
    IBackgroundJobClient jobs)
{
    private const int SaveAttempts = 3;

    public async Task<ReminderSettings> GetSettingsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "change event reminders");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.EventReminderPlans.AsNoTracking().FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        var offsets = plan?.Offsets ?? EventReminderPlan.DefaultOffsets;
        return new ReminderSettings(offsets.Select(m => Math.Round(m / 60m, 2)).ToList(), plan?.Message);
    }

    public async Task SaveSettingsAsync(Actor actor, int eventId, ReminderSettings settings, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "change event reminders");
        var minutes = settings.Hours.Select(h => (int)Math.Round(h * 60m)).Distinct().ToList();
        new Validator()
            .Check(minutes.Count <= EventReminderPlan.MaxOffsets, "ReminderHours", $"Choose at most {EventReminderPlan.MaxOffsets} reminders.")
            .Check(minutes.All(m => m >= EventReminderPlan.ShortestOffset.TotalMinutes && m <= EventReminderPlan.LongestOffset.TotalMinutes),
                "ReminderHours", $"Each reminder goes out between {EventReminderPlan.ShortestOffset.TotalMinutes:0} minutes and {EventReminderPlan.LongestOffset.TotalDays:0} days ({EventReminderPlan.LongestOffset.TotalHours:0} hours) before the start.")
            .Length("ReminderMessage", settings.Message, "The reminder message", EventReminderPlan.MessageMax)
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.CommunityEvents.AnyAsync(e => e.Id == eventId, ct)) throw new NotFoundException("The event");
        var plan = await db.EventReminderPlans.FirstOrDefaultAsync(p => p.EventId == eventId, ct);
        if (plan is null) db.EventReminderPlans.Add(plan = new EventReminderPlan { EventId = eventId });
        plan.OffsetMinutes = EventReminderPlan.Format(minutes);
        plan.Message = string.IsNullOrWhiteSpace(settings.Message) ? null : settings.Message.Trim();
        await db.SaveChangesAsync(ct);
        await ScheduleAsync(eventId, ct);
    }

    /// <summary>
    /// Parses what the organiser typed ("24, 1" or "0.5"); an empty field means no reminders. Null when it is not a
    /// list of numbers, so the page can say so.
    /// </summary>
    public static IReadOnlyList<decimal>? ParseHours(string? text)
    {
        var hours = new List<decimal>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
            hours.Add(value);
        }
        return hours;
    }

    /// <summary>
    /// Schedules a job for each reminder of the event still to come. Jobs for an earlier time of the event stay in
    /// Hangfire and find, when they wake, that the start they carry is no longer the event's.
    /// </summary>
    public async Task ScheduleAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.StartsAtUtc, e.IsCancelled }).FirstOrDefaultAsync(ct);
        if (ev is null || ev.IsCancelled) return;
        var start = EventService.Utc(ev.StartsAtUtc);
        var now = clock.GetUtcNow();
        foreach (var offset in await OffsetsAsync(db, eventId, ct))
        {
            var due = new DateTimeOffset(start.AddMinutes(-offset));
            if (due > now) jobs.Schedule<EventReminderJob>(j => j.RunAsync(eventId, offset, start, CancellationToken.None), due);
        }
    }

    /// <summary>
    /// Sends one reminder of one event to every confirmed participant who has not had it. Nothing happens when the event
    /// was cancelled or moved away from <paramref name="startsAtUtc"/>, the organiser dropped this reminder, it is not due
    /// yet, the event has started, or a later reminder is due already (after an outage people get the nearer one only).
    /// </summary>
    /// <returns>How many people were reminded by this call.</returns>
    public async Task<int> SendAsync(int eventId, int offsetMinutes, DateTime startsAtUtc, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Writers queue here, so a second run reads the first one's delivery rows instead of racing it.
            await using var transaction = await db.BeginImmediateTransactionAsync(ct);
            var ev = await db.CommunityEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
            if (ev is null || ev.IsCancelled || ev.StartsAtUtc != startsAtUtc) return 0;
            var plan = await db.EventReminderPlans.AsNoTracking().FirstOrDefaultAsync(p => p.EventId == eventId, ct);
            var offsets = plan?.Offsets ?? EventReminderPlan.DefaultOffsets;
            var now = clock.GetUtcNow().UtcDateTime;
            if (!offsets.Contains(offsetMinutes) || now < ev.StartsAtUtc.AddMinutes(-offsetMinutes) || now >= ev.StartsAtUtc
                || offsets.Any(o => o < offsetMinutes && now >= ev.StartsAtUtc.AddMinutes(-o)))
                return 0;

            var reminded = db.ReminderDeliveries.Where(d => d.EventId == eventId && d.EventStartsAtUtc == ev.StartsAtUtc && d.OffsetMinutes == offsetMinutes)
                .Select(d => d.UserId);
            var people = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed && !reminded.Contains(r.UserId))
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Id, u.DisplayName })
                .ToListAsync(ct);
            var ids = people.Select(p => p.Id).ToList();
            var zones = await db.EventTimeZonePreferences.AsNoTracking().Where(z => ids.Contains(z.UserId)).ToDictionaryAsync(z => z.UserId, z => z.TimeZone, ct);
            foreach (var person in people)
            {
                db.ReminderDeliveries.Add(new ReminderDelivery
                {
                    EventId = eventId, EventStartsAtUtc = ev.StartsAtUtc, OffsetMinutes = offsetMinutes, UserId = person.Id, SentAt = now,
                });
                var zone = EventTimes.FindOrUtc(zones.GetValueOrDefault(person.Id) ?? ev.TimeZone);
                var (notice, mail) = Compose(ev, plan?.Message, offsetMinutes, person.Id, person.DisplayName, zone);
                await db.NotifyAsync(clock, notice, mail, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return people.Count;
            }
            catch (DbUpdateException ex) when (attempt < SaveAttempts && ex.IsUniqueViolation())
            {
                // A server that does not queue writers (another database) let a second run in: read its rows again.
            }
        }
    }

    /// <summary>The safety net behind the delayed jobs: sends every reminder that is due now and was not sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.Add(EventReminderPlan.LongestOffset);
        List<(int Id, DateTime Start, IReadOnlyList<int> Offsets)> upcoming;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var events = await db.CommunityEvents.AsNoTracking().Where(e => !e.IsCancelled && e.StartsAtUtc > now && e.StartsAtUtc <= horizon)
                .Select(e => new { e.Id, e.StartsAtUtc }).ToListAsync(ct);
            var ids = events.Select(e => e.Id).ToList();
            var plans = await db.EventReminderPlans.AsNoTracking().Where(p => ids.Contains(p.EventId)).ToDictionaryAsync(p => p.EventId, ct);
            upcoming = events.Select(e => (e.Id, e.StartsAtUtc, plans.GetValueOrDefault(e.Id)?.Offsets ?? EventReminderPlan.DefaultOffsets)).ToList();
        }
        var sent = 0;
        foreach (var (id, start, offsets) in upcoming)
        {
            // Only the nearest reminder that is due: SendAsync refuses an earlier one once a later one is due.
            var due = offsets.Where(o => now >= start.AddMinutes(-o)).Order().Take(1);
            foreach (var offset in due) sent += await SendAsync(id, offset, start, ct);
        }
        return sent;
    }

    private static async Task<IReadOnlyList<int>> OffsetsAsync(HrcDbContext db, int eventId, CancellationToken ct)
    {
        var stored = await db.EventReminderPlans.AsNoTracking().Where(p => p.EventId == eventId).Select(p => p.OffsetMinutes).FirstOrDefaultAsync(ct);
        return stored is null ? EventReminderPlan.DefaultOffsets : EventReminderPlan.Parse(stored);
    }

    private (Notice, NoticeEmail) Compose(CommunityEvent ev, string? message, int offsetMinutes, string userId, string name, TimeZoneInfo zone)
    {
        var inTime = EmailTemplates.Duration(offsetMinutes);
        var when = EventTimes.Describe(ev.StartsAtUtc, ev.EndsAtUtc, zone);
        var line = EmailTemplates.Text("ReminderText", ev.Title, inTime, when);
        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        var body = new EmailBody().Paragraph(EmailTemplates.Text("Greeting", name)).Paragraph(line);
        if (message is not null) body.Paragraph(EmailTemplates.Text("ReminderFromOrganiser", ev.OrganiserName)).Quote(message);
        body.Link(EmailTemplates.Text("ReminderLink"), $"{baseUrl}/events/{ev.Id}")
            .Paragraph(EmailTemplates.Text("ReminderFooter"))
            .Link(EmailTemplates.Text("PreferencesLink"), $"{baseUrl}{NotificationLinks.Preferences}");
        return (new Notice(userId, NotificationKind.EventReminder, line, $"/events/{ev.Id}"),
            new NoticeEmail(EmailTemplates.Text("ReminderSubject", ev.Title, inTime), body.PlainText, body.Html, "events/reminder"));
    }
}
