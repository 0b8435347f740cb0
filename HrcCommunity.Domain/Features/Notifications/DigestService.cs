using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// The weekly "what is new" email for people who asked for it: everything published or changed in
/// the week, in the layers the reader may see, with links back to the site.
/// </summary>
public sealed class DigestService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email,
    UnsubscribeLinks unsubscribe)
{
    /// <summary>The order areas appear in; the headings are EmailTemplates' "DigestArea_{kind}".</summary>
    private static readonly string[] Areas = ["knowledge", "practice", "answer", "news", "network", "link", "page", "member"];

    public async Task<bool> GetOptInAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change email preferences");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DigestOptIn).FirstAsync(ct);
    }

    public async Task SetOptInAsync(Actor actor, bool optIn, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change email preferences");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, optIn), ct);
    }

    /// <returns>How many people were emailed; 0 when nothing changed or this week was already sent.</returns>
    public async Task<int> SendWeeklyAsync(DateTime periodEnd, CancellationToken ct = default)
    {
        var start = periodEnd.AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.DigestRuns.AnyAsync(r => r.PeriodEnd == periodEnd, ct)) return 0;

        var entries = await db.SearchEntries.AsNoTracking()
            .Where(e => e.UpdatedAt > start && e.UpdatedAt <= periodEnd)
            .OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Title)
            .Select(e => new { e.Kind, e.Key, e.Layer, e.Title, e.Url })
            .ToListAsync(ct);
        // The pages' Practitioner rule: approved AND holding one of the roles. An approved account without a role reads
        // no practitioners' page, so it gets no digest, just as a pending account gets none.
        var roleIds = db.Roles.Where(r => Roles.All.Contains(r.Name!)).Select(r => r.Id);
        var readers = await db.Users.AsNoTracking()
            .Where(u => u.DigestOptIn && u.ApprovalStatus == ApprovalStatus.Approved && u.Email != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(ct);

        // Digest readers are practitioners, so they see both layers; a record is listed once even with two entries.
        var practitionerItems = entries.DistinctBy(e => (e.Kind, e.Key)).Select(e => (e.Kind, e.Title, e.Url)).ToList();
        if (practitionerItems.Count == 0 || readers.Count == 0) return 0;

        foreach (var reader in readers)
        {
            var body = Compose(reader.DisplayName, practitionerItems, start, periodEnd, unsubscribe.PageUrlFor(reader.Id));
            db.Enqueue(clock, reader.Email!, EmailTemplates.Text("DigestSubject", periodEnd.ToString("d MMM yyyy")), body.PlainText, body.Html,
                "digests/weekly", unsubscribe.OneClickUrlFor(reader.Id));
        }
        db.DigestRuns.Add(new DigestRun { PeriodEnd = periodEnd, SentAt = clock.GetUtcNow().UtcDateTime, Recipients = readers.Count });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run of the same week committed first (the unique period end said so): nothing is sent twice.
            return 0;
        }
        return readers.Count;
    }

    /// <summary>Grouped by area in a fixed order, each area newest first (the items come newest first).</summary>
    private EmailBody Compose(string name, IReadOnlyList<(string Kind, string Title, string Url)> items, DateTime start, DateTime end, string unsubscribeUrl)
    {
        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        var body = new EmailBody().Paragraph(EmailTemplates.Text("Greeting", name))
            .Paragraph(EmailTemplates.Text("DigestIntro", start.ToString("d MMM"), end.ToString("d MMM yyyy")));
        foreach (var group in items.GroupBy(i => i.Kind).OrderBy(g => Areas.Contains(g.Key) ? Array.IndexOf(Areas, g.Key) : Areas.Length))
        {
            var heading = Areas.Contains(group.Key) ? EmailTemplates.Text($"DigestArea_{group.Key}") : group.Key;
            body.Section(heading, group.Select(i => (i.Title, baseUrl + i.Url)));
        }
        return body.Paragraph(EmailTemplates.Text("DigestWhy"))
            .Link(EmailTemplates.Text("PreferencesLink"), $"{baseUrl}{NotificationLinks.Preferences}")
            .Link(EmailTemplates.Text("DigestStop"), unsubscribeUrl);
    }
}
