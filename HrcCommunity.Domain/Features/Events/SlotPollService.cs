using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Events;

public sealed record SlotProposal(DateTime LocalStart, DateTime LocalEnd);

public sealed record PollEdit(string Title, EventKind Kind, string TimeZone, int? HostCityId, IReadOnlyList<int> InvitedCityIds, IReadOnlyList<SlotProposal> Slots);

/// <summary>How one slot stands. Cities count first: a time three cities can make beats one that suits five people from one city.</summary>
public sealed record SlotTally(int SlotId, DateTime StartsAtUtc, DateTime EndsAtUtc, int CitiesAvailable, int CitiesYes, int PeopleYes, int PeopleIfNeedBe, int PeopleNo,
    IReadOnlyList<string> Cities);

public sealed record PollCard(int Id, string Title, EventKind Kind, int Slots, int Answers, bool IsDecided, DateTime CreatedAt);

public sealed record PollView(int Id, string Title, EventKind Kind, string TimeZone, string? HostCity, IReadOnlyList<string> InvitedCities,
    IReadOnlyList<SlotTally> Slots, int? BestSlotId, int? ChosenSlotId, int? EventId, IReadOnlyDictionary<int, SlotAnswer> MyAnswers);

/// <summary>Finding a time across cities: proposals, answers, the best slot by cities, and the choice everyone who answered is told about.</summary>
public sealed class SlotPollService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email, EventService events)
{
    public const int MaxSlots = 20;
    public const int DefaultCapacity = 40;

    public async Task<int> CreateAsync(Actor actor, PollEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "propose times");
        var v = new Validator()
            .Required("Title", edit.Title, "The title", SlotPoll.TitleMax)
            .Check(Enum.IsDefined(edit.Kind), "Kind", "Choose the kind of event.")
            .Check(edit.Slots.Count is >= 2 and <= MaxSlots, "Slots", $"Propose between 2 and {MaxSlots} times.")
            .Check(EventTimes.TryFind(edit.TimeZone, out var zone), "TimeZone", "Choose a time zone from the list (for example Europe/Vienna).");
        var slots = new List<SlotPollSlot>();
        foreach (var (proposal, index) in edit.Slots.Select((s, i) => (s, i + 1)))
        {
            var start = EventTimes.ToUtc(proposal.LocalStart, zone);
            var end = EventTimes.ToUtc(proposal.LocalEnd, zone);
            v.Check(start is not null && end is not null, "Slots", $"Time {index} does not exist in {zone.Id}: the clocks skip that hour.");
            if (start is not null && end is not null)
            {
                v.Check(end > start, "Slots", $"Time {index} must end after it starts.");
                slots.Add(new SlotPollSlot { StartsAtUtc = start.Value, EndsAtUtc = end.Value });
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cityIds = edit.InvitedCityIds.Append(edit.HostCityId ?? 0).Where(c => c != 0).Distinct().ToList();
        v.Check(await db.MemberCities.CountAsync(c => cityIds.Contains(c.Id), ct) == cityIds.Count, "InvitedCityIds",
            "Choose host and invited cities from the network's member cities.");
        v.ThrowIfInvalid();
        var poll = new SlotPoll
        {
            Title = SingleLine.Clean(edit.Title) ?? "", Kind = edit.Kind, TimeZone = zone.Id, HostCityId = edit.HostCityId,
            OrganiserId = actor.UserId!, CreatedAt = clock.GetUtcNow().UtcDateTime, Slots = slots.OrderBy(s => s.StartsAtUtc).ToList(),
            InvitedCities = edit.InvitedCityIds.Distinct().Where(c => c != edit.HostCityId).Select(c => new SlotPollCity { MemberCityId = c }).ToList(),
        };
        db.SlotPolls.Add(poll);
        await db.SaveChangesAsync(ct);
        return poll.Id;
    }

    public async Task<IReadOnlyList<PollCard>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "see time polls");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SlotPolls.AsNoTracking().OrderByDescending(p => p.CreatedAt)
            .Select(p => new PollCard(p.Id, p.Title, p.Kind, p.Slots.Count,
                db.SlotPollAnswers.Where(a => p.Slots.Select(s => s.Id).Contains(a.SlotId)).Select(a => a.UserId).Distinct().Count(),
                p.ChosenSlotId != null, p.CreatedAt))
            .Take(100).ToListAsync(ct);
    }

    public async Task<PollView?> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "see time polls");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.SlotPolls.AsNoTracking().Include(p => p.Slots).Include(p => p.InvitedCities).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (poll is null) return null;
        var slotIds = poll.Slots.Select(s => s.Id).ToList();
        var answers = await db.SlotPollAnswers.AsNoTracking().Where(a => slotIds.Contains(a.SlotId)).ToListAsync(ct);
        var cities = await db.MemberCities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var tallies = Tally(poll.Slots, answers);
        return new PollView(poll.Id, poll.Title, poll.Kind, poll.TimeZone, poll.HostCityId is { } h ? cities.GetValueOrDefault(h) : null,
            poll.InvitedCities.Select(c => cities.GetValueOrDefault(c.MemberCityId)).OfType<string>().Order().ToList(),
            tallies, Best(tallies)?.SlotId, poll.ChosenSlotId, poll.EventId,
            answers.Where(a => a.UserId == actor.UserId).ToDictionary(a => a.SlotId, a => a.Answer));
    }

    /// <summary>Saves the person's answer for each slot (replacing earlier ones), with their city as their profile gives it.</summary>
    public async Task AnswerAsync(Actor actor, int pollId, IReadOnlyDictionary<int, SlotAnswer> answers, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "answer time polls");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poll = await db.SlotPolls.Include(p => p.Slots).FirstOrDefaultAsync(p => p.Id == pollId, ct) ?? throw new NotFoundException("The time poll");
        if (poll.ChosenSlotId is not null) throw new ConflictException("A time was already chosen for this poll; answers are closed.");
        if (answers.Keys.Any(k => poll.Slots.All(s => s.Id != k)) || answers.Values.Any(a => !Enum.IsDefined(a)))
            throw new ValidationFailedException("Answers", "Answer yes, if need be or no for the times of this poll.");
        var city = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.City).FirstAsync(ct);
        var slotIds = poll.Slots.Select(s => s.Id).ToList();
        var existing = await db.SlotPollAnswers.Where(a => slotIds.Contains(a.SlotId) && a.UserId == actor.UserId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (slotId, answer) in answers)
        {
            var row = existing.FirstOrDefault(a => a.SlotId == slotId);
            if (row is null) db.SlotPollAnswers.Add(row = new SlotPollAnswer { SlotId = slotId, UserId = actor.UserId! });
            row.Answer = answer;
            row.City = city;
            row.AnsweredAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The Coordinator chooses a slot: the event is scheduled at that time (practitioners only, open registration, to
    /// be completed on its edit page) and everyone who answered is emailed the choice.
    /// </summary>
    public async Task<int> ChooseAsync(Actor actor, int pollId, int slotId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "choose a time");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One write transaction: two Coordinators choosing at once make one event, and the poll never closes without it.
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var poll = await db.SlotPolls.Include(p => p.Slots).Include(p => p.InvitedCities).FirstOrDefaultAsync(p => p.Id == pollId, ct)
            ?? throw new NotFoundException("The time poll");
        if (poll.ChosenSlotId is not null) throw new ConflictException("A time was already chosen for this poll.");
        var slot = poll.Slots.FirstOrDefault(s => s.Id == slotId) ?? throw new ValidationFailedException("Slot", "Choose one of the poll's times.");
        var zone = EventTimes.FindOrUtc(poll.TimeZone);
        var ev = await events.AddAsync(db, actor, new EventEdit(poll.Kind, poll.Title, "", EventTimes.ToLocal(slot.StartsAtUtc, zone),
            EventTimes.ToLocal(slot.EndsAtUtc, zone), poll.TimeZone, poll.HostCityId, poll.InvitedCities.Select(c => c.MemberCityId).ToList(),
            DefaultCapacity, EventVisibility.Practitioners, RegistrationMode.Open, null), ct);
        await db.SaveChangesAsync(ct);
        var eventId = ev.Id;
        poll.ChosenSlotId = slot.Id;
        poll.EventId = eventId;
        var slotIds = poll.Slots.Select(s => s.Id).ToList();
        var recipients = await db.SlotPollAnswers.Where(a => slotIds.Contains(a.SlotId)).Select(a => a.UserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (_, u) => u.Email).ToListAsync(ct);
        var when = EventTimes.Describe(slot.StartsAtUtc, slot.EndsAtUtc, zone);
        foreach (var to in recipients.OfType<string>())
            db.Enqueue(clock, to, EventEmails.Text("PollChosenSubject", poll.Title),
                EventEmails.Text("PollChosenText", poll.Title, when) + "\n"
                + EventEmails.Text("PollRegisterHere", $"{email.Value.PublicBaseUrl.TrimEnd('/')}/events/{eventId}") + "\n", "events");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await events.ScheduleRemindersAsync(eventId, ct);
        return eventId;
    }

    internal static IReadOnlyList<SlotTally> Tally(IEnumerable<SlotPollSlot> slots, IReadOnlyList<SlotPollAnswer> answers) =>
        slots.OrderBy(s => s.StartsAtUtc).Select(s =>
        {
            var mine = answers.Where(a => a.SlotId == s.Id).ToList();
            var available = mine.Where(a => a.Answer != SlotAnswer.No).Select(a => CityKey(a.City)).Distinct().ToList();
            return new SlotTally(s.Id, EventService.Utc(s.StartsAtUtc), EventService.Utc(s.EndsAtUtc), available.Count,
                mine.Where(a => a.Answer == SlotAnswer.Yes).Select(a => CityKey(a.City)).Distinct().Count(),
                mine.Count(a => a.Answer == SlotAnswer.Yes), mine.Count(a => a.Answer == SlotAnswer.IfNeedBe), mine.Count(a => a.Answer == SlotAnswer.No),
                mine.Where(a => a.Answer != SlotAnswer.No).Select(a => a.City.Trim()).DistinctBy(CityKey).Order().ToList());
        }).ToList();

    /// <summary>The slot most cities can make; then most cities with a firm yes; then most people; then the earliest.</summary>
    public static SlotTally? Best(IReadOnlyList<SlotTally> tallies) =>
        tallies.Where(t => t.CitiesAvailable > 0)
            .OrderByDescending(t => t.CitiesAvailable).ThenByDescending(t => t.CitiesYes)
            .ThenByDescending(t => t.PeopleYes).ThenByDescending(t => t.PeopleIfNeedBe).ThenBy(t => t.StartsAtUtc)
            .FirstOrDefault();

    private static string CityKey(string city) => city.Trim().ToUpperInvariant();
}
