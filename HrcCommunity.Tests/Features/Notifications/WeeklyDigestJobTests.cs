using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class WeeklyDigestJobTests
{
    [Theory]
    [InlineData("2026-11-23T07:00:00Z", "2026-11-23T07:00:00")] // the occurrence itself
    [InlineData("2026-11-23T09:15:00Z", "2026-11-23T07:00:00")] // a retry the same morning
    [InlineData("2026-11-29T23:59:00Z", "2026-11-23T07:00:00")] // a late duplicate, still that week
    [InlineData("2026-11-23T06:59:59Z", "2026-11-16T07:00:00")] // before the occurrence: last week's
    public void PeriodEnd_IsTheLatestCronOccurrenceAtOrBeforeNow(string now, string expected)
    {
        var end = WeeklyDigestJob.PeriodEndAt("0 7 * * 1", DateTimeOffset.Parse(now));

        Assert.Equal(DateTime.Parse(expected), end);
    }

    [Fact]
    public async Task RetriedRun_OnTheSameWeek_SendsTheDigestOnce()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var reader = await database.CreateUserAsync("Digest Reader", Roles.Practitioner);
        await database.Get<DigestService>().SetOptInAsync(reader, true);
        await using (var db = database.CreateDbContext())
        {
            await db.IndexAsync(new SearchDocument("news", "new-charter", "/news/new-charter", "Graz renews its charter", "", "", []), database.Clock);
            await db.SaveChangesAsync();
        }
        var job = database.Get<WeeklyDigestJob>();

        // The clock starts on Sunday 22 November 2026, 09:00 UTC; the digest is due Monday at 07:00.
        database.Clock.Advance(TimeSpan.FromHours(22).Add(TimeSpan.FromSeconds(5)));
        var first = await job.RunAsync(CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromHours(2));
        var retry = await job.RunAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, retry);
        await using var check = database.CreateDbContext();
        Assert.Equal(new DateTime(2026, 11, 23, 7, 0, 0), (await check.DigestRuns.SingleAsync()).PeriodEnd);
        Assert.Equal(1, await check.OutboxEmails.CountAsync(e => e.Category == "digests/weekly"));
    }
}
