using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <param name="ExpertDigest">Null for someone who is not an expert: the page then does not offer it.</param>
public sealed record DigestPreferences(DigestFrequency Frequency, DigestAreas Areas, bool? ExpertDigest);

/// <summary>
/// The digests: each person's daily or weekly "what is new" in the areas they follow, and the experts' list of
/// questions that have waited too long. What a reader may see is decided when the digest is written, from the roles
/// they hold then. A <see cref="DigestDelivery"/> row, written in the same save as the email, is what keeps a retry,
/// a second run or a second server from sending anyone the same digest twice.
/// </summary>
public sealed class DigestService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email,
    IOptions<SchedulerOptions> scheduler, UnsubscribeLinks unsubscribe)
{
    private const int SaveAttempts = 3;

    /// <summary>A person's first digest, or their first after a long pause, goes back this many periods at most.</summary>
    private const int LongestLookBack = 4;

    /// <summary>The search index's kinds, by the area that lists them.</summary>
    private static readonly Dictionary<string, DigestAreas> AreaOfKind = new()
    {
        [SearchKinds.Knowledge] = DigestAreas.Knowledge,
        [SearchKinds.News] = DigestAreas.Knowledge,
        [SearchKinds.Link] = DigestAreas.Knowledge,
        [SearchKinds.Page] = DigestAreas.Knowledge,
        [SearchKinds.Practice] = DigestAreas.Practices,
        [SearchKinds.Answer] = DigestAreas.Answers,
        [SearchKinds.Network] = DigestAreas.Directory,
        [SearchKinds.Member] = DigestAreas.Directory,
    };

    public static readonly IReadOnlyList<DigestAreas> Areas =
        [DigestAreas.Knowledge, DigestAreas.Practices, DigestAreas.Answers, DigestAreas.Events, DigestAreas.Directory];

    public async Task<DigestPreferences> GetPreferencesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change email preferences");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DigestOptIn, u.DigestDaily, u.DigestAreas, u.ExpertDigestOff }).FirstAsync(ct);
        var frequency = !user.DigestOptIn ? DigestFrequency.None : user.DigestDaily ? DigestFrequency.Daily : DigestFrequency.Weekly;
        return new DigestPreferences(frequency, user.DigestAreas ?? DigestAreas.All,
            actor.HasRole(Roles.Expert) ? !user.ExpertDigestOff : null);
    }

    public async Task SetPreferencesAsync(Actor actor, DigestPreferences preferences, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change email preferences");
        new Validator()
            .Check(Enum.IsDefined(preferences.Frequency), "DigestFrequency", "Choose how often the digest comes.")
            .Check((preferences.Areas & ~DigestAreas.All) == 0, "DigestAreas", "Choose areas from the list.")
            .Check(preferences.Frequency == DigestFrequency.None || preferences.Areas != DigestAreas.None, "DigestAreas",
                "Choose at least one area for the digest, or choose no digest.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = preferences.Areas == DigestAreas.All ? (DigestAreas?)null : preferences.Areas;
        var optIn = preferences.Frequency != DigestFrequency.None;
        var daily = preferences.Frequency == DigestFrequency.Daily;
        if (preferences.ExpertDigest is { } expert && actor.HasRole(Roles.Expert))
            await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.DigestOptIn, optIn).SetProperty(u => u.DigestDaily, daily).SetProperty(u => u.DigestAreas, areas)
                .SetProperty(u => u.ExpertDigestOff, !expert), ct);
        else
            await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.DigestOptIn, optIn).SetProperty(u => u.DigestDaily, daily).SetProperty(u => u.DigestAreas, areas), ct);
    }

    /// <summary>
    /// Sends the daily or weekly digest that ends at <paramref name="periodEnd"/> to everyone who chose it and has
    /// something new in it since their own last digest.
    /// </summary>
    /// <returns>How many people were emailed by this call; 0 for a period already sent.</returns>
    public async Task<int> SendAsync(DigestFrequency frequency, DateTime periodEnd, CancellationToken ct = default)
    {
        var (kind, period) = frequency switch
        {
            DigestFrequency.Daily => (DigestKind.Daily, TimeSpan.FromDays(1)),
            DigestFrequency.Weekly => (DigestKind.Weekly, TimeSpan.FromDays(7)),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
        };
        var daily = frequency == DigestFrequency.Daily;
        var earliest = periodEnd - period * LongestLookBack;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Writers queue here, so a second run reads the first one's delivery rows instead of racing it.
            await using var transaction = await db.BeginImmediateTransactionAsync(ct);
            var practitionerRoles = db.Roles.Where(r => Roles.All.Contains(r.Name!)).Select(r => r.Id);
            var readers = await db.Users.AsNoTracking()
                .Where(u => u.DigestOptIn && u.DigestDaily == daily && u.ApprovalStatus == ApprovalStatus.Approved && u.Email != null
                    && !db.DigestDeliveries.Any(d => d.UserId == u.Id && d.Kind == kind && d.PeriodEnd == periodEnd))
                .Select(u => new
                {
                    u.Id, u.Email, u.DisplayName, u.DigestAreas,
                    // The pages' rule for the practitioners' layer, read now: approved AND holding one of the roles.
                    Practitioner = db.UserRoles.Any(ur => ur.UserId == u.Id && practitionerRoles.Contains(ur.RoleId)),
                    // At or before: someone who switched from weekly to daily gets nothing twice on the morning both run.
                    LastEnd = db.DigestDeliveries.Where(d => d.UserId == u.Id && d.Kind != DigestKind.Expert && d.PeriodEnd <= periodEnd)
                        .Max(d => (DateTime?)d.PeriodEnd),
                })
                .ToListAsync(ct);
            if (readers.Count == 0) return 0;

            var items = await ItemsAsync(db, earliest, periodEnd, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var sent = 0;
            foreach (var reader in readers)
            {
                var since = reader.LastEnd is { } last && last > earliest ? last : periodEnd - period;
                var areas = reader.DigestAreas ?? DigestAreas.All;
                var theirs = items
                    .Where(i => i.ChangedAt > since && (areas & i.Area) != 0 && (reader.Practitioner || i.Layer == ContentLayer.Public))
                    .DistinctBy(i => i.Url)
                    .ToList();
                if (theirs.Count == 0) continue;
                var body = Compose(reader.DisplayName, frequency, theirs, since, periodEnd, unsubscribe.PageUrlFor(reader.Id));
                var subject = EmailTemplates.Text(frequency == DigestFrequency.Daily ? "DigestSubjectDaily" : "DigestSubject", periodEnd.ToString("d MMM yyyy"));
                db.Enqueue(clock, reader.Email!, subject, body.PlainText, body.Html,
                    frequency == DigestFrequency.Daily ? "digests/daily" : "digests/weekly", unsubscribe.OneClickUrlFor(reader.Id));
                db.DigestDeliveries.Add(new DigestDelivery { UserId = reader.Id, Kind = kind, PeriodEnd = periodEnd, SentAt = now, Items = theirs.Count });
                sent++;
            }
            if (await TrySaveAsync(db, transaction, attempt, ct)) return sent;
        }
    }

    /// <summary>
    /// Sends each expert the questions nobody has picked up for longer than the configured wait, oldest first. Only
    /// people who hold the Expert role now get it, and nobody gets it when no question waits.
    /// </summary>
    public async Task<int> SendExpertAsync(DateTime periodEnd, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waitedSince = now - scheduler.Value.ExpertDigestWait;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.BeginImmediateTransactionAsync(ct);
            var waiting = await db.Questions.AsNoTracking()
                .Where(q => q.State == QuestionState.New && q.HolderId == null && q.AskedAt <= waitedSince)
                .OrderBy(q => q.AskedAt).Select(q => new { q.Id, q.Title, q.AskedAt })
                .ToListAsync(ct);
            if (waiting.Count == 0) return 0;
            var expertRole = db.Roles.Where(r => r.Name == Roles.Expert).Select(r => r.Id);
            var experts = await db.Users.AsNoTracking()
                .Where(u => !u.ExpertDigestOff && u.ApprovalStatus == ApprovalStatus.Approved && u.Email != null
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && expertRole.Contains(ur.RoleId))
                    && !db.DigestDeliveries.Any(d => d.UserId == u.Id && d.Kind == DigestKind.Expert && d.PeriodEnd == periodEnd))
                .Select(u => new { u.Id, u.Email, u.DisplayName })
                .ToListAsync(ct);
            var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
            var lines = waiting.Select(q => (EmailTemplates.Text("ExpertDigestItem", q.Title, EmailTemplates.Duration(WaitedMinutes(now - q.AskedAt))),
                $"{baseUrl}/experts/questions/{q.Id}")).ToList();
            foreach (var expert in experts)
            {
                var body = new EmailBody().Paragraph(EmailTemplates.Text("Greeting", expert.DisplayName))
                    .Paragraph(EmailTemplates.Text("ExpertDigestIntro", waiting.Count, EmailTemplates.Duration(WaitedMinutes(scheduler.Value.ExpertDigestWait))))
                    .Section(EmailTemplates.Text("ExpertDigestHeading"), lines)
                    .Link(EmailTemplates.Text("ExpertDigestQueue"), $"{baseUrl}/experts/queue")
                    .Paragraph(EmailTemplates.Text("ExpertDigestWhy"))
                    .Link(EmailTemplates.Text("PreferencesLink"), $"{baseUrl}{NotificationLinks.Preferences}")
                    .Link(EmailTemplates.Text("DigestStop"), unsubscribe.PageUrlFor(expert.Id));
                db.Enqueue(clock, expert.Email!, EmailTemplates.Text("ExpertDigestSubject", waiting.Count), body.PlainText, body.Html,
                    "digests/experts", unsubscribe.OneClickUrlFor(expert.Id));
                db.DigestDeliveries.Add(new DigestDelivery { UserId = expert.Id, Kind = DigestKind.Expert, PeriodEnd = periodEnd, SentAt = now, Items = waiting.Count });
            }
            if (await TrySaveAsync(db, transaction, attempt, ct)) return experts.Count;
        }
    }

    /// <summary>Whole hours past the first, so the email says "50 hours" rather than "3,012 minutes".</summary>
    private static int WaitedMinutes(TimeSpan waited) =>
        waited >= TimeSpan.FromHours(1) ? (int)waited.TotalHours * 60 : Math.Max(1, (int)waited.TotalMinutes);

    private static async Task<bool> TrySaveAsync(HrcDbContext db, System.Data.Common.DbTransaction transaction, int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (attempt < SaveAttempts && ex.IsUniqueViolation())
        {
            // A server that does not queue writers (another database) let a second run in: read its rows again.
            return false;
        }
    }

    private sealed record DigestItem(DigestAreas Area, ContentLayer Layer, string Title, string Url, DateTime ChangedAt);

    /// <summary>Everything new or changed in the window, in both layers, newest first; each reader then takes their part.</summary>
    private static async Task<List<DigestItem>> ItemsAsync(HrcDbContext db, DateTime after, DateTime until, CancellationToken ct)
    {
        var entries = await db.SearchEntries.AsNoTracking()
            .Where(e => e.UpdatedAt > after && e.UpdatedAt <= until)
            .Select(e => new { e.Kind, e.Layer, e.Title, e.Url, e.UpdatedAt })
            .ToListAsync(ct);
        var events = await db.CommunityEvents.AsNoTracking()
            .Where(e => !e.IsCancelled && e.UpdatedAt > after && e.UpdatedAt <= until && e.EndsAtUtc > until)
            .Select(e => new { e.Id, e.Title, e.Visibility, e.StartsAtUtc, e.EndsAtUtc, e.TimeZone, e.UpdatedAt })
            .ToListAsync(ct);
        return entries.Where(e => AreaOfKind.ContainsKey(e.Kind))
            .Select(e => new DigestItem(AreaOfKind[e.Kind], e.Layer, e.Title, e.Url, e.UpdatedAt))
            .Concat(events.Select(e => new DigestItem(DigestAreas.Events,
                e.Visibility == EventVisibility.Public ? ContentLayer.Public : ContentLayer.Practitioners,
                $"{e.Title} ({EventTimes.Describe(e.StartsAtUtc, e.EndsAtUtc, EventTimes.FindOrUtc(e.TimeZone))})", $"/events/{e.Id}", e.UpdatedAt)))
            .OrderByDescending(i => i.ChangedAt).ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Grouped by area in a fixed order, each area newest first (the items come newest first).</summary>
    private EmailBody Compose(string name, DigestFrequency frequency, IReadOnlyList<DigestItem> items, DateTime since, DateTime end, string unsubscribeUrl)
    {
        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        var body = new EmailBody().Paragraph(EmailTemplates.Text("Greeting", name))
            .Paragraph(EmailTemplates.Text("DigestIntro", since.ToString("d MMM HH:mm"), end.ToString("d MMM yyyy HH:mm")));
        foreach (var area in Areas)
        {
            var inArea = items.Where(i => i.Area == area).ToList();
            if (inArea.Count > 0) body.Section(EmailTemplates.Text($"DigestArea_{area}"), inArea.Select(i => (i.Title, baseUrl + i.Url)));
        }
        return body.Paragraph(EmailTemplates.Text(frequency == DigestFrequency.Daily ? "DigestWhyDaily" : "DigestWhy"))
            .Link(EmailTemplates.Text("PreferencesLink"), $"{baseUrl}{NotificationLinks.Preferences}")
            .Link(EmailTemplates.Text("DigestStop"), unsubscribeUrl);
    }
}
