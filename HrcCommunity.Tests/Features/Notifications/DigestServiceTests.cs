using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class DigestServiceTests
{
    [Fact]
    public async Task WeeklyDigest_GoesOnlyToPractitionersWhoAskedForIt_NotToApprovedAccountsWithoutARole_BothLayers_AndNeverTwiceForOneWeek()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var digests = database.Get<DigestService>();
        var reader = await database.CreateUserAsync("Digest Reader", Roles.Practitioner);
        var silent = await database.CreateUserAsync("Silent Reader", Roles.Practitioner);
        var pending = await database.CreateUserAsync("Pending Reader", ApprovalStatus.Pending);
        // Approved, but with no role (a role taken away): the pages refuse it the practitioners' layer.
        var roleless = await database.CreateUserAsync("Roleless Reader", ApprovalStatus.Approved);
        await digests.SetOptInAsync(reader, true);
        await digests.SetOptInAsync(roleless, true);
        await using (var db = database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == pending.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, true));
            database.Clock.Advance(TimeSpan.FromDays(30));
            await db.IndexAsync(new SearchDocument("news", "new-charter", "/news/new-charter", "Graz renews its charter", "", "", []), database.Clock);
            await db.IndexAsync(new SearchDocument("knowledge", "toolkit", "/knowledge/toolkit", "Toolkit (practitioners)", "", "", [], ContentLayer.Practitioners), database.Clock);
            await db.SaveChangesAsync();
        }
        var weekEnd = database.Clock.GetUtcNow().UtcDateTime.AddDays(1);

        var first = await digests.SendWeeklyAsync(weekEnd);
        var again = await digests.SendWeeklyAsync(weekEnd);

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        await using var check = database.CreateDbContext();
        var email = await check.OutboxEmails.SingleAsync(e => e.Category == "digests/weekly");
        Assert.Contains("Graz renews its charter", email.TextBody);
        Assert.Contains("Toolkit (practitioners)", email.TextBody);
        Assert.Contains("/account/notifications", email.TextBody);
        Assert.DoesNotContain(silent.DisplayName, email.TextBody);
        Assert.Contains(reader.DisplayName, email.TextBody);
    }

    [Fact]
    public async Task WeeklyDigest_GroupsByArea_NewestFirst_InTheTextAndTheHtmlBody()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var reader = await database.CreateUserAsync("Digest Reader", Roles.Practitioner);
        await database.Get<DigestService>().SetOptInAsync(reader, true);
        database.Clock.Advance(TimeSpan.FromDays(30));
        foreach (var (kind, key, title) in new[] { ("news", "older-news", "Older news"), ("knowledge", "guide", "A guide"), ("news", "newer-news", "Newer <news>") })
        {
            database.Clock.Advance(TimeSpan.FromHours(1));
            await using var db = database.CreateDbContext();
            await db.IndexAsync(new SearchDocument(kind, key, $"/{kind}/{key}", title, "", "", []), database.Clock);
            await db.SaveChangesAsync();
        }

        await database.Get<DigestService>().SendWeeklyAsync(database.Clock.GetUtcNow().UtcDateTime.AddHours(1));

        await using var check = database.CreateDbContext();
        var email = await check.OutboxEmails.SingleAsync(e => e.Category == "digests/weekly");
        var text = email.TextBody;
        Assert.True(text.IndexOf("Knowledge Centre") < text.IndexOf("A guide"));
        Assert.True(text.IndexOf("A guide") < text.IndexOf("News and trends"));
        Assert.True(text.IndexOf("News and trends") < text.IndexOf("Newer <news>"));
        Assert.True(text.IndexOf("Newer <news>") < text.IndexOf("Older news"));
        Assert.Contains("<h2 style=\"font-size:1.1em\">News and trends</h2>", email.HtmlBody);
        Assert.Contains(">Newer &lt;news&gt;</a>", email.HtmlBody);
    }
}
