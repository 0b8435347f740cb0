using System.Text;
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
    private static readonly Dictionary<string, string> KindHeadings = new()
    {
        ["knowledge"] = "Knowledge Centre", ["practice"] = "Best practices", ["news"] = "News and trends",
        ["answer"] = "Published answers", ["network"] = "City networks directory", ["link"] = "Useful links",
        ["page"] = "Site pages", ["member"] = "Members",
    };

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
            .OrderBy(e => e.Kind).ThenBy(e => e.Title)
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

        var body = Compose(practitionerItems, start, periodEnd);
        foreach (var reader in readers)
            db.Enqueue(clock, reader.Email!, $"This week in the Human Rights Cities Network ({periodEnd:d MMM yyyy})",
                $"Hello {reader.DisplayName},\n\n{body}Stop it with one click: {unsubscribe.PageUrlFor(reader.Id)}\n", "digests/weekly",
                unsubscribe.OneClickUrlFor(reader.Id));
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

    private string Compose(IReadOnlyList<(string Kind, string Title, string Url)> items, DateTime start, DateTime end)
    {
        var text = new StringBuilder($"Here is what was published or updated between {start:d MMM} and {end:d MMM yyyy}.\n");
        foreach (var group in items.GroupBy(i => i.Kind))
        {
            text.Append('\n').AppendLine(KindHeadings.GetValueOrDefault(group.Key, group.Key));
            foreach (var item in group) text.Append("- ").Append(item.Title).Append(": ").Append(email.Value.PublicBaseUrl.TrimEnd('/')).AppendLine(item.Url);
        }
        text.Append("\nYou receive this because you asked for the weekly digest. Change it at ")
            .Append(email.Value.PublicBaseUrl.TrimEnd('/')).AppendLine("/account/notifications");
        return text.ToString();
    }
}
