using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Events;

public sealed record AccessNeeds(bool Interpretation, string? InterpretationLanguage, bool SignLanguage, bool Captions, string? Note)
{
    public static AccessNeeds None { get; } = new(false, null, false, false, null);
}

/// <summary>What happened to a registration, with the sentence to show the person.</summary>
public sealed record RegistrationOutcome(RegistrationStatus Status, int? Seat, int? WaitlistPosition, string Message);

public sealed record RegistrationRow(int Id, string Name, string City, string Organisation, RegistrationStatus Status, int? Seat,
    DateTime RegisteredAt, bool NeedsInterpretation, string? InterpretationLanguage, bool NeedsSignLanguage, bool NeedsCaptions, string? AccessNote);

/// <summary>
/// Registration, the waiting list and promotion. Every change to seats runs in the platform's write transaction, so
/// of two people taking the last seat at once the second to get the lock finds the event full, and a waiting-list
/// position is counted before anyone else can join the list. A seat is also a number from 1 to the capacity, unique
/// per event, so the database refuses a seat held twice even if a writer ever skips the lock.
/// </summary>
public sealed class EventRegistrationService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email)
{
    public async Task<RegistrationOutcome> RegisterAsync(Actor actor, int eventId, AccessNeeds needs, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "register for events (an approved account is needed)");
        ValidateNeeds(needs);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var ev = await EventService.VisibleTo(db.CommunityEvents.AsNoTracking(), actor).FirstOrDefaultAsync(e => e.Id == eventId, ct)
            ?? throw new NotFoundException("The event");
        if (ev.IsCancelled) throw new ConflictException("This event was cancelled; registration is closed.");
        if (ev.EndsAtUtc <= clock.GetUtcNow().UtcDateTime) throw new ConflictException("This event is over; registration is closed.");
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == actor.UserId, ct);
        if (registration is { Status: not RegistrationStatus.Cancelled })
            throw new ConflictException(registration.Status switch
            {
                RegistrationStatus.Confirmed => "You are already registered for this event.",
                RegistrationStatus.Waitlisted => "You are already on the waiting list for this event.",
                _ => "You already asked to take part; the organiser has not decided yet.",
            });
        var now = clock.GetUtcNow().UtcDateTime;
        if (registration is null)
        {
            registration = new EventRegistration { EventId = eventId, UserId = actor.UserId!, RegisteredAt = now };
            db.EventRegistrations.Add(registration);
        }
        registration.QueuedAt = now;
        ApplyNeeds(registration, needs);
        var byApproval = ev.Registration == RegistrationMode.ByApproval && !actor.CanCoordinate;
        registration.Seat = byApproval ? null : await FreeSeatAsync(db, ev, ct);
        registration.Status = byApproval ? RegistrationStatus.AwaitingApproval
            : registration.Seat is null ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;
        if (registration.HasAccessNeeds || byApproval) await TellOrganiserAsync(db, ev, actor, registration, ct);
        await db.SaveChangesAsync(ct);
        var outcome = await OutcomeAsync(db, registration, ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    public async Task<RegistrationOutcome> CancelAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "cancel a registration");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == actor.UserId, ct);
        if (registration is null or { Status: RegistrationStatus.Cancelled })
            throw new ConflictException("You are not registered for this event.");
        var ev = await db.CommunityEvents.FirstAsync(e => e.Id == eventId, ct);
        registration.Status = RegistrationStatus.Cancelled;
        registration.Seat = null;
        await db.SaveChangesAsync(ct);
        await FillFreeSeatsAsync(db, ev, clock, email.Value, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationOutcome(RegistrationStatus.Cancelled, null, null, "Your registration is cancelled.");
    }

    /// <summary>The organiser accepts a request: the person gets a seat if one is free, else a place on the waiting list.</summary>
    public async Task<RegistrationOutcome> ApproveAsync(Actor actor, int registrationId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "approve registrations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct) ?? throw new NotFoundException("The registration");
        if (registration.Status != RegistrationStatus.AwaitingApproval) throw new ConflictException("This request was already decided.");
        var ev = await db.CommunityEvents.AsNoTracking().FirstAsync(e => e.Id == registration.EventId, ct);
        registration.Seat = await FreeSeatAsync(db, ev, ct);
        registration.Status = registration.Seat is null ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;
        registration.QueuedAt = clock.GetUtcNow().UtcDateTime;
        var decision = EventEmails.Text(registration.Seat is null ? "AcceptedWaitlisted" : "AcceptedSeat", ev.Title);
        await db.NotifyAsync(clock, new Notice(registration.UserId, NotificationKind.Registration, decision, $"/events/{ev.Id}"),
            new NoticeEmail(EventEmails.Text("DecisionSubject", ev.Title), $"{decision}\n\n{email.Value.PublicBaseUrl.TrimEnd('/')}/events/{ev.Id}\n", null, "events"), ct);
        await db.SaveChangesAsync(ct);
        var outcome = await OutcomeAsync(db, registration, ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    public async Task<IReadOnlyList<RegistrationRow>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see who registered");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status != RegistrationStatus.Cancelled)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.DisplayName, u.City, u.Organisation }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.Status).ThenBy(x => x.r.Seat).ThenBy(x => x.r.QueuedAt)
            .Select(x => new RegistrationRow(x.r.Id, x.DisplayName, x.City, x.Organisation, x.r.Status, x.r.Seat, EventService.Utc(x.r.RegisteredAt),
                x.r.NeedsInterpretation, x.r.InterpretationLanguage, x.r.NeedsSignLanguage, x.r.NeedsCaptions, x.r.AccessNote)).ToList();
    }

    /// <summary>
    /// Gives each free seat to the next person on the waiting list, in the order they joined it. Each promotion is a
    /// conditional update (still waiting, seat still free by the unique index), so two promotions never share a seat.
    /// </summary>
    internal static async Task FillFreeSeatsAsync(HrcDbContext db, CommunityEvent ev, TimeProvider clock, EmailOptions email, CancellationToken ct)
    {
        if (ev.IsCancelled) return;
        while (true)
        {
            var seat = await FreeSeatAsync(db, ev, ct);
            if (seat is null) return;
            var next = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.UserId }).FirstOrDefaultAsync(ct);
            if (next is null) return;
            var promoted = await db.EventRegistrations
                .Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Confirmed).SetProperty(r => r.Seat, seat), ct);
            if (promoted == 1)
            {
                var text = EventEmails.Text("PromotedText", ev.Title);
                await db.NotifyAsync(clock, new Notice(next.UserId, NotificationKind.Registration, text, $"/events/{ev.Id}"),
                    new NoticeEmail(EventEmails.Text("PromotedSubject", ev.Title), $"{text}\n\n{email.PublicBaseUrl.TrimEnd('/')}/events/{ev.Id}\n", null, "events"), ct);
            }
        }
    }

    /// <summary>The lowest seat number not held by a confirmed registration, or null when the event is full.</summary>
    private static async Task<int?> FreeSeatAsync(HrcDbContext db, CommunityEvent ev, CancellationToken ct)
    {
        var taken = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == ev.Id && r.Seat != null)
            .Select(r => r.Seat!.Value).ToListAsync(ct);
        var held = taken.ToHashSet();
        for (var seat = 1; seat <= ev.Capacity; seat++)
            if (!held.Contains(seat)) return seat;
        return null;
    }

    /// <summary>Read inside the writer's transaction, so the waiting-list position counts exactly the rows queued before this one.</summary>
    private static async Task<RegistrationOutcome> OutcomeAsync(HrcDbContext db, EventRegistration registration, CancellationToken ct)
    {
        switch (registration.Status)
        {
            case RegistrationStatus.Confirmed:
                return new RegistrationOutcome(registration.Status, registration.Seat, null, "You are registered: your seat is reserved.");
            case RegistrationStatus.AwaitingApproval:
                return new RegistrationOutcome(registration.Status, null, null, "Your request is sent: the organiser approves registrations for this event, and you will get an email.");
            default:
                var position = await db.EventRegistrations.CountAsync(r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted
                    && (r.QueuedAt < registration.QueuedAt || (r.QueuedAt == registration.QueuedAt && r.Id <= registration.Id)), ct);
                return new RegistrationOutcome(registration.Status, null, position,
                    $"The event is full. You are on the waiting list (position {position}); when a seat frees up it is yours automatically and you will get an email.");
        }
    }

    private async Task TellOrganiserAsync(HrcDbContext db, CommunityEvent ev, Actor actor, EventRegistration registration, CancellationToken ct)
    {
        var needs = new List<string>();
        if (registration.NeedsInterpretation)
            needs.Add(string.IsNullOrWhiteSpace(registration.InterpretationLanguage)
                ? EventEmails.Text("NeedInterpretation") : EventEmails.Text("NeedInterpretationInto", registration.InterpretationLanguage));
        if (registration.NeedsSignLanguage) needs.Add(EventEmails.Text("NeedSignLanguage"));
        if (registration.NeedsCaptions) needs.Add(EventEmails.Text("NeedCaptions"));
        if (!string.IsNullOrWhiteSpace(registration.AccessNote)) needs.Add(EventEmails.Text("NeedNote", registration.AccessNote));
        var lines = needs.Count == 0 ? "" : EventEmails.Text("NeedsLine", string.Join("; ", needs)) + "\n";
        var ask = registration.Status == RegistrationStatus.AwaitingApproval ? "OrganiserAsks" : "OrganiserRegistered";
        await EmailUserAsync(db, ev.OrganiserId, EventEmails.Text("OrganiserSubject", ev.Title),
            EventEmails.Text(ask, actor.DisplayName, ev.Title) + "\n" + lines, ev.Id, ct);
    }

    private async Task EmailUserAsync(HrcDbContext db, string userId, string subject, string text, int eventId, CancellationToken ct)
    {
        var to = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (to is not null) db.Enqueue(clock, to, subject, $"{text}\n\n{email.Value.PublicBaseUrl.TrimEnd('/')}/events/{eventId}\n", "events");
    }

    private static void ValidateNeeds(AccessNeeds needs) =>
        new Validator()
            .Length("InterpretationLanguage", needs.InterpretationLanguage, "The interpretation language", EventRegistration.LanguageMax)
            .Check(!needs.Interpretation || !string.IsNullOrWhiteSpace(needs.InterpretationLanguage), "InterpretationLanguage",
                "Say which language you need interpretation into.")
            .Length("Note", needs.Note, "The note to the organiser", EventRegistration.NoteMax)
            .ThrowIfInvalid();

    private static void ApplyNeeds(EventRegistration registration, AccessNeeds needs)
    {
        registration.NeedsInterpretation = needs.Interpretation;
        registration.InterpretationLanguage = needs.Interpretation ? SingleLine.Clean(needs.InterpretationLanguage) : null;
        registration.NeedsSignLanguage = needs.SignLanguage;
        registration.NeedsCaptions = needs.Captions;
        registration.AccessNote = string.IsNullOrWhiteSpace(needs.Note) ? null : needs.Note.Trim();
    }
}
