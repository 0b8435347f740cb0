using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Events;

/// <param name="LocalStart">Wall-clock start in <paramref name="TimeZone"/>, the organiser's zone.</param>
/// <param name="Occurrences">For a new recurring event: how many dates the series has, the first included.</param>
public sealed record EventEdit(
    EventKind Kind, string Title, string Agenda, DateTime LocalStart, DateTime LocalEnd, string TimeZone,
    int? HostCityId, IReadOnlyList<int> InvitedCityIds, int Capacity, EventVisibility Visibility, RegistrationMode Registration,
    string? MeetingLink, Recurrence Recurrence = Recurrence.None, int Occurrences = 1, int ExpectedVersion = 0, string? ModeratorId = null);

public sealed record CityOption(int Id, string Name, string Country);

/// <summary>Someone who may moderate an event's room: an approved member of the practitioner layer.</summary>
public sealed record ModeratorOption(string UserId, string Name, string City);

public sealed record EventCard(int Id, EventKind Kind, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone,
    EventVisibility Visibility, bool IsCancelled, string? HostCity, int Capacity, int SeatsTaken, bool InSeries, string RoomTopic);

public sealed record MyRegistration(RegistrationStatus Status, int? Seat, int? WaitlistPosition);

public sealed record EventView(
    int Id, string Uid, int Sequence, EventKind Kind, string Title, string Agenda, string AgendaHtml,
    DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone, DateTime LocalStart, DateTime LocalEnd,
    int? HostCityId, string? HostCity, IReadOnlyList<CityOption> InvitedCities, int Capacity, int SeatsTaken, int Waitlisted,
    EventVisibility Visibility, RegistrationMode Registration, string? MeetingLink, bool IsCancelled,
    string? SeriesId, Recurrence Recurrence, bool IsSeriesException, string OrganiserName, int Version, MyRegistration? Mine,
    ModeratorOption? Moderator)
{
    public string RoomTopic => $"room:{Id}";
    public bool IsFull => SeatsTaken >= Capacity;
}

/// <summary>Scheduling: who sees which events (the two layers), and Coordinators creating, changing and cancelling them.</summary>
public sealed class EventService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email,
    EventReminderService reminders)
{
    public const int MaxOccurrences = 52;
    public const int MaxInvitedCities = 50;

    /// <summary>The rule of the two layers, in one place: public announcements for all, the rest for approved practitioners.</summary>
    internal static IQueryable<CommunityEvent> VisibleTo(IQueryable<CommunityEvent> events, Actor actor) =>
        actor.CanSeePractitionerLayer ? events : events.Where(e => e.Visibility == EventVisibility.Public);

    public async Task<IReadOnlyList<EventCard>> ListAsync(Actor actor, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await VisibleTo(db.CommunityEvents.AsNoTracking(), actor)
            .Where(e => e.EndsAtUtc >= fromUtc && e.StartsAtUtc < toUtc)
            .OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id)
            .Take(500)
            .ToListAsync(ct);
        return await CardsAsync(db, events, ct);
    }

    private static async Task<IReadOnlyList<EventCard>> CardsAsync(HrcDbContext db, List<CommunityEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var taken = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.EventId) && r.Status == RegistrationStatus.Confirmed)
            .GroupBy(r => r.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cities = await db.MemberCities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return events.Select(e => new EventCard(e.Id, e.Kind, e.Title, Utc(e.StartsAtUtc), Utc(e.EndsAtUtc), e.TimeZone, e.Visibility, e.IsCancelled,
            e.HostCityId is { } host ? cities.GetValueOrDefault(host) : null, e.Capacity, taken.GetValueOrDefault(e.Id),
            e.SeriesId is not null, e.RoomTopic)).ToList();
    }

    /// <summary>An event the actor may see, or null (as if it did not exist) when it is in a layer they cannot read.</summary>
    public async Task<EventView?> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await VisibleTo(db.CommunityEvents.AsNoTracking().Include(x => x.InvitedCities), actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var cities = await db.MemberCities.AsNoTracking().OrderBy(c => c.Name).Select(c => new CityOption(c.Id, c.Name, c.Country)).ToListAsync(ct);
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.UserId, r.Status, r.Seat, r.QueuedAt, r.Id }).ToListAsync(ct);
        var waitlist = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).ToList();
        var mine = registrations.FirstOrDefault(r => r.UserId == actor.UserId);
        var zone = EventTimes.FindOrUtc(e.TimeZone);
        var invited = e.InvitedCities.Select(i => cities.FirstOrDefault(c => c.Id == i.MemberCityId)).OfType<CityOption>().OrderBy(c => c.Name).ToList();
        // The meeting link is for the people taking part, not for anyone who can read the announcement.
        var moderator = e.ModeratorId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == e.ModeratorId)
            .Select(u => new ModeratorOption(u.Id, u.DisplayName, u.City)).FirstOrDefaultAsync(ct);
        var mayJoin = actor.CanCoordinate || mine?.Status == RegistrationStatus.Confirmed || (moderator is not null && moderator.UserId == actor.UserId);
        return new EventView(e.Id, e.Uid, e.Sequence, e.Kind, e.Title, e.Agenda, Markdown.ToHtml(e.Agenda),
            Utc(e.StartsAtUtc), Utc(e.EndsAtUtc), e.TimeZone, EventTimes.ToLocal(e.StartsAtUtc, zone), EventTimes.ToLocal(e.EndsAtUtc, zone),
            e.HostCityId, cities.FirstOrDefault(c => c.Id == e.HostCityId)?.Name, invited, e.Capacity,
            registrations.Count(r => r.Status == RegistrationStatus.Confirmed), waitlist.Count, e.Visibility, e.Registration,
            mayJoin ? e.MeetingLink : null, e.IsCancelled, e.SeriesId, e.Recurrence, e.IsSeriesException, e.OrganiserName, e.Version,
            mine is null ? null : new MyRegistration(mine.Status, mine.Seat,
                mine.Status == RegistrationStatus.Waitlisted ? waitlist.FindIndex(w => w.Id == mine.Id) + 1 : null),
            moderator);
    }

    /// <summary>Whom an organiser may name as an event's moderator: approved members of the practitioner layer, by name.</summary>
    public async Task<IReadOnlyList<ModeratorOption>> ModeratorOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "choose moderators");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MayModerate(db).OrderBy(u => u.DisplayName).ThenBy(u => u.City)
            .Select(u => new ModeratorOption(u.Id, u.DisplayName, u.City)).ToListAsync(ct);
    }

    /// <summary>The room admits the practitioner layer only (<see cref="Actor.CanSeePractitionerLayer"/>): approved, with a role.</summary>
    private static IQueryable<Accounts.AppUser> MayModerate(HrcDbContext db) =>
        db.Users.AsNoTracking().Where(u => u.ApprovalStatus == Accounts.ApprovalStatus.Approved && db.UserRoles.Any(r => r.UserId == u.Id));

    public async Task<IReadOnlyList<CityOption>> CitiesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MemberCities.AsNoTracking().OrderBy(c => c.Name).Select(c => new CityOption(c.Id, c.Name, c.Country)).ToListAsync(ct);
    }

    /// <summary>Creates the event, or every occurrence of a series (each at the same wall-clock time in the organiser's zone); returns the first.</summary>
    public async Task<int> CreateAsync(Actor actor, EventEdit edit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = await AddAsync(db, actor, edit, ct);
        await db.SaveChangesAsync(ct);
        foreach (var created in db.ChangeTracker.Entries<CommunityEvent>().Select(e => e.Entity.Id).ToList())
            await reminders.ScheduleAsync(created, ct);
        return first.Id;
    }

    /// <summary>For an event written by another service (a poll's chosen time), once its save is committed.</summary>
    internal Task ScheduleRemindersAsync(int eventId, CancellationToken ct) => reminders.ScheduleAsync(eventId, ct);

    /// <summary>Adds the event (or series) to the caller's context, to be saved with whatever else the caller writes.</summary>
    internal async Task<CommunityEvent> AddAsync(HrcDbContext db, Actor actor, EventEdit edit, CancellationToken ct)
    {
        actor.Require(actor.CanCoordinate, "schedule events");
        var (startUtc, endUtc) = await ValidateAsync(db, edit, isNew: true, confirmedSeats: 0, ct);
        var zone = EventTimes.FindOrUtc(edit.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = edit.Recurrence == Recurrence.None ? 1 : edit.Occurrences;
        var seriesId = count > 1 ? Guid.NewGuid().ToString("N") : null;
        var created = new List<CommunityEvent>();
        for (var i = 0; i < count; i++)
        {
            var localStart = Occurrence(edit.LocalStart, edit.Recurrence, i);
            var localEnd = localStart + (edit.LocalEnd - edit.LocalStart);
            // A later date can fall in the hour clocks skip; it then starts an hour later in wall-clock terms.
            var s = i == 0 ? startUtc : EventTimes.ToUtc(localStart, zone) ?? EventTimes.ToUtc(localStart.AddHours(1), zone)!.Value;
            var e = i == 0 ? endUtc : EventTimes.ToUtc(localEnd, zone) ?? EventTimes.ToUtc(localEnd.AddHours(1), zone)!.Value;
            var ev = new CommunityEvent
            {
                Uid = $"{Guid.NewGuid():N}@hrc-community", SeriesId = seriesId, Recurrence = seriesId is null ? Recurrence.None : edit.Recurrence,
                OrganiserId = actor.UserId!, OrganiserName = actor.DisplayName, CreatedAt = now,
            };
            Apply(ev, edit, s, e, now);
            created.Add(ev);
            db.CommunityEvents.Add(ev);
        }
        return created[0];
    }

    internal static DateTime Occurrence(DateTime firstLocal, Recurrence recurrence, int index) => recurrence switch
    {
        Recurrence.Weekly => firstLocal.AddDays(7 * index),
        // The same day of the month; AddMonths moves the 31st to the month's last day.
        Recurrence.Monthly => firstLocal.AddMonths(index),
        _ => firstLocal,
    };

    /// <summary>
    /// Changes this one occurrence. In a series, a new date or time makes it an exception to the series' rule, and
    /// the other occurrences stay where they are. Calendars see the same UID with a higher SEQUENCE.
    /// </summary>
    public async Task UpdateAsync(Actor actor, int id, EventEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "change events");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var ev = await db.CommunityEvents.Include(e => e.InvitedCities).FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("The event");
        if (ev.Version != edit.ExpectedVersion)
            throw new ConflictException("Someone saved this event while you were editing it. Reload to see their version, then apply your changes again.");
        if (ev.IsCancelled) throw new ConflictException("This event was cancelled and can no longer be changed.");
        var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed, ct);
        var (startUtc, endUtc) = await ValidateAsync(db, edit, isNew: false, confirmed, ct);
        var moved = startUtc != ev.StartsAtUtc || endUtc != ev.EndsAtUtc;
        var oldCapacity = ev.Capacity;
        if (ev.SeriesId is not null && moved) ev.IsSeriesException = true;
        Apply(ev, edit, startUtc, endUtc, clock.GetUtcNow().UtcDateTime);
        ev.Sequence++;
        ev.Version++;
        await db.SaveChangesAsync(ct);
        if (ev.Capacity > oldCapacity) await EventRegistrationService.FillFreeSeatsAsync(db, ev, clock, email.Value, ct);
        if (moved) await TellParticipantsAsync(db, ev, EventEmails.Text("MovedSubject", ev.Title),
            EventEmails.Text("MovedText", ev.Title, EventTimes.Describe(ev.StartsAtUtc, ev.EndsAtUtc, EventTimes.FindOrUtc(ev.TimeZone))), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // The jobs for the old time stay queued and do nothing: each carries the start it was scheduled for.
        if (moved) await reminders.ScheduleAsync(id, ct);
    }

    /// <summary>Cancels one occurrence, or it and every later occurrence of its series. Nothing is deleted: calendars need the cancellation.</summary>
    public async Task CancelAsync(Actor actor, int id, bool withLaterOccurrences = false, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "cancel events");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.CommunityEvents.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("The event");
        var targets = withLaterOccurrences && ev.SeriesId is not null
            ? await db.CommunityEvents.Where(e => e.SeriesId == ev.SeriesId && e.StartsAtUtc >= ev.StartsAtUtc && !e.IsCancelled).ToListAsync(ct)
            : ev.IsCancelled ? [] : [ev];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var target in targets)
        {
            target.IsCancelled = true;
            if (!withLaterOccurrences && target.SeriesId is not null) target.IsSeriesException = true;
            target.Sequence++;
            target.Version++;
            target.UpdatedAt = now;
            await TellParticipantsAsync(db, target, EventEmails.Text("CancelledSubject", target.Title),
                EventEmails.Text("CancelledText", target.Title, EventTimes.Describe(target.StartsAtUtc, target.EndsAtUtc, EventTimes.FindOrUtc(target.TimeZone))), ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task TellParticipantsAsync(HrcDbContext db, CommunityEvent ev, string subject, string text, CancellationToken ct)
    {
        var emails = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled)
            .Join(db.Users, r => r.UserId, u => u.Id, (_, u) => u.Email).ToListAsync(ct);
        var link = $"{email.Value.PublicBaseUrl.TrimEnd('/')}/events/{ev.Id}";
        foreach (var to in emails.OfType<string>())
            db.Enqueue(clock, to, subject, $"{text}\n\n{link}\n", "events");
    }

    private async Task<(DateTime Start, DateTime End)> ValidateAsync(HrcDbContext db, EventEdit edit, bool isNew, int confirmedSeats, CancellationToken ct)
    {
        var v = new Validator()
            .Required("Title", edit.Title, "The title", CommunityEvent.TitleMax)
            .Length("Agenda", edit.Agenda, "The agenda", CommunityEvent.AgendaMax)
            .Check(Enum.IsDefined(edit.Kind), "Kind", "Choose the kind of event.")
            .Check(Enum.IsDefined(edit.Visibility), "Visibility", "Choose who sees the event.")
            .Check(Enum.IsDefined(edit.Registration), "Registration", "Choose how people register.")
            .Range("Capacity", edit.Capacity, "The capacity", 1, CommunityEvent.CapacityMax)
            .Check(edit.InvitedCityIds.Count <= MaxInvitedCities, "InvitedCityIds", $"Invite at most {MaxInvitedCities} cities.");
        if (!string.IsNullOrWhiteSpace(edit.MeetingLink))
            v.Check(edit.MeetingLink.Length <= CommunityEvent.LinkMax && Uri.TryCreate(edit.MeetingLink.Trim(), UriKind.Absolute, out var link)
                && link.Scheme == Uri.UriSchemeHttps, "MeetingLink", "The online meeting link must be a full https:// address.");
        if (isNew)
        {
            v.Check(Enum.IsDefined(edit.Recurrence), "Recurrence", "Choose how the event repeats.");
            if (edit.Recurrence != Recurrence.None)
                v.Range("Occurrences", edit.Occurrences, "The number of dates in the series", 2, MaxOccurrences);
        }
        else
        {
            v.Check(edit.Capacity >= confirmedSeats, "Capacity",
                $"The capacity cannot be lower than the {confirmedSeats} seats already taken; cancel registrations first or keep at least {confirmedSeats}.");
        }
        DateTime? start = null, end = null;
        if (!EventTimes.TryFind(edit.TimeZone, out var zone))
            v.Check(false, "TimeZone", "Choose a time zone from the list (for example Europe/Vienna).");
        else
        {
            start = EventTimes.ToUtc(edit.LocalStart, zone);
            end = EventTimes.ToUtc(edit.LocalEnd, zone);
            v.Check(start is not null, "LocalStart", $"That start time does not exist in {zone.Id}: the clocks skip that hour. Choose another time.")
             .Check(end is not null, "LocalEnd", $"That end time does not exist in {zone.Id}: the clocks skip that hour. Choose another time.");
            if (start is not null && end is not null)
                v.Check(end > start, "LocalEnd", "The event must end after it starts.")
                 .Check(end - start <= TimeSpan.FromDays(7), "LocalEnd", "An event can last at most seven days.");
        }
        if (!string.IsNullOrWhiteSpace(edit.ModeratorId))
            v.Check(await MayModerate(db).AnyAsync(u => u.Id == edit.ModeratorId, ct), "ModeratorId",
                "The moderator must be an approved practitioner: choose one from the list, or no moderator.");
        var cityIds = edit.InvitedCityIds.Append(edit.HostCityId ?? 0).Where(c => c != 0).Distinct().ToList();
        var known = await db.MemberCities.CountAsync(c => cityIds.Contains(c.Id), ct);
        v.Check(known == cityIds.Count, "InvitedCityIds", "Choose host and invited cities from the network's member cities.");
        v.ThrowIfInvalid();
        return (start!.Value, end!.Value);
    }

    private static void Apply(CommunityEvent ev, EventEdit edit, DateTime startUtc, DateTime endUtc, DateTime now)
    {
        ev.Kind = edit.Kind;
        ev.Title = SingleLine.Clean(edit.Title) ?? "";
        ev.Agenda = edit.Agenda ?? "";
        ev.StartsAtUtc = startUtc;
        ev.EndsAtUtc = endUtc;
        ev.TimeZone = EventTimes.FindOrUtc(edit.TimeZone).Id;
        ev.HostCityId = edit.HostCityId;
        ev.Capacity = edit.Capacity;
        ev.Visibility = edit.Visibility;
        ev.Registration = edit.Registration;
        ev.MeetingLink = string.IsNullOrWhiteSpace(edit.MeetingLink) ? null : edit.MeetingLink.Trim();
        ev.ModeratorId = string.IsNullOrWhiteSpace(edit.ModeratorId) ? null : edit.ModeratorId;
        ev.UpdatedAt = now;
        var wanted = edit.InvitedCityIds.Where(c => c != edit.HostCityId).Distinct().ToHashSet();
        ev.InvitedCities.RemoveAll(c => !wanted.Contains(c.MemberCityId));
        foreach (var cityId in wanted.Where(c => ev.InvitedCities.All(i => i.MemberCityId != c)))
            ev.InvitedCities.Add(new EventInvitedCity { MemberCityId = cityId });
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
