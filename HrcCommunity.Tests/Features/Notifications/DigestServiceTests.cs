using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Notifications.DigestTestData;

namespace HrcCommunity.Tests.Features.Notifications;

/// <summary>Digest preferences and exactly-once sending, read from the outbox; what arrives is in DigestEmailTests.</summary>
[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class DigestServiceTests
{
    [Fact]
    public async Task Preferences_AreSavedAndReadBack_AndTheOldWeeklyOptInReadsAsWeeklyWithEveryArea()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var digests = database.Get<DigestService>();
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);
        var expert = await database.CreateUserAsync("Ezra Expert", Roles.Expert);
        var before = await digests.GetPreferencesAsync(practitioner);
        await using (var db = database.CreateDbContext())
            await db.Users.Where(u => u.Id == expert.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, true));

        await digests.SetPreferencesAsync(practitioner, new DigestPreferences(DigestFrequency.Daily, DigestAreas.Events | DigestAreas.Answers, true));

        Assert.Equal(new DigestPreferences(DigestFrequency.None, DigestAreas.All, null), before);
        // A practitioner is not offered the experts' digest, and saying yes to it changes nothing.
        Assert.Equal(new DigestPreferences(DigestFrequency.Daily, DigestAreas.Events | DigestAreas.Answers, null), await digests.GetPreferencesAsync(practitioner));
        Assert.Equal(new DigestPreferences(DigestFrequency.Weekly, DigestAreas.All, true), await digests.GetPreferencesAsync(expert));
        await digests.SetPreferencesAsync(expert, new DigestPreferences(DigestFrequency.None, DigestAreas.None, false));
        Assert.Equal(new DigestPreferences(DigestFrequency.None, DigestAreas.None, false), await digests.GetPreferencesAsync(expert));
    }

    [Fact]
    public async Task Preferences_ADigestWithNoArea_OrAnUnknownChoice_IsRefusedWithAMessage()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var digests = database.Get<DigestService>();
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);

        var noArea = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            digests.SetPreferencesAsync(practitioner, new DigestPreferences(DigestFrequency.Weekly, DigestAreas.None, null)));
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            digests.SetPreferencesAsync(practitioner, new DigestPreferences((DigestFrequency)7, DigestAreas.All, null)));
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            digests.SetPreferencesAsync(practitioner, new DigestPreferences(DigestFrequency.Daily, (DigestAreas)64, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            digests.SetPreferencesAsync(Actor.Anonymous, new DigestPreferences(DigestFrequency.Daily, DigestAreas.All, null)));

        Assert.Contains("at least one area", noArea.Message);
        Assert.Equal(DigestFrequency.None, (await digests.GetPreferencesAsync(practitioner)).Frequency);
    }

    [Fact]
    public async Task Digest_RunTwiceAndConcurrently_ForOnePeriod_SendsEachPersonOneEmail()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        foreach (var name in new[] { "Ana", "Ben", "Cleo" }) await ReaderAsync(database, name, DigestFrequency.Weekly, DigestAreas.All, Roles.Practitioner);
        await IndexAsync(database, SearchKinds.News, "charter", "Graz renews its charter");
        var periodEnd = database.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var digests = database.Get<DigestService>();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => digests.SendAsync(DigestFrequency.Weekly, periodEnd))));
        var retried = await digests.SendAsync(DigestFrequency.Weekly, periodEnd);

        Assert.Equal(3, concurrent.Sum());
        Assert.Equal(0, retried);
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.OutboxEmails.CountAsync(e => e.Category == "digests/weekly"));
        Assert.Equal(3, await db.DigestDeliveries.CountAsync(d => d.Kind == DigestKind.Weekly && d.PeriodEnd == periodEnd));
    }

    [Theory]
    [InlineData("0 7 * * 1", 7, "2026-11-23T07:00:00Z", "2026-11-23T07:00:00")] // the occurrence itself
    [InlineData("0 7 * * 1", 7, "2026-11-23T09:15:00Z", "2026-11-23T07:00:00")] // a retry the same morning
    [InlineData("0 7 * * 1", 7, "2026-11-29T23:59:00Z", "2026-11-23T07:00:00")] // a late duplicate, still that week
    [InlineData("0 7 * * 1", 7, "2026-11-23T06:59:59Z", "2026-11-16T07:00:00")] // before the occurrence: last week's
    [InlineData("0 7 * * *", 1, "2026-11-24T06:59:59Z", "2026-11-23T07:00:00")] // daily: yesterday's until today's
    [InlineData("0 7 * * *", 1, "2026-11-24T07:00:00Z", "2026-11-24T07:00:00")]
    public void PeriodEnd_IsTheLatestCronOccurrenceAtOrBeforeNow(string cron, int days, string now, string expected)
    {
        var end = DigestJob.PeriodEndAt(cron, DateTimeOffset.Parse(now), TimeSpan.FromDays(days));

        Assert.Equal(DateTime.Parse(expected), end);
    }

    [Fact]
    public async Task WeeklyJob_RetriedTheSameWeek_SendsTheDigestOnce_AndTheDailyJobLeavesWeeklyReadersAlone()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await ReaderAsync(database, "Wanda Weekly", DigestFrequency.Weekly, DigestAreas.All, Roles.Practitioner);
        await IndexAsync(database, SearchKinds.News, "charter", "Graz renews its charter");
        var job = database.Get<DigestJob>();

        // The clock starts on Sunday 22 November 2026, 09:00 UTC; the digest is due Monday at 07:00.
        database.Clock.Advance(TimeSpan.FromHours(22));
        var daily = await job.RunDailyAsync(CancellationToken.None);
        var first = await job.RunWeeklyAsync(CancellationToken.None);
        database.Clock.Advance(TimeSpan.FromHours(2));
        var retry = await job.RunWeeklyAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (daily, first, retry));
        await using var check = database.CreateDbContext();
        Assert.Equal(new DateTime(2026, 11, 23, 7, 0, 0), (await check.DigestDeliveries.SingleAsync()).PeriodEnd);
        Assert.Equal(1, await check.OutboxEmails.CountAsync(e => e.Category == "digests/weekly"));
    }
}
