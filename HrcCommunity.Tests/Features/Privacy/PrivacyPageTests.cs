using HrcCommunity.Domain.Features.Content;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Privacy;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class PrivacyPageTests
{
    [Fact]
    public async Task PrivacyPage_StatesTheConfiguredRetentionPeriods()
    {
        await using var db = new SqliteDatabase
        {
            Settings = new Dictionary<string, string?>
            {
                ["Hrc:Privacy:ContactRetention"] = "45.00:00:00",
                ["Hrc:Privacy:RateLimitRecordRetention"] = "3.00:00:00",
                ["Hrc:Privacy:ExportLinkLifetime"] = "12:00:00",
            },
        };
        await db.InitializeAsync();

        var page = await db.Get<ContentPageService>().GetAsync("privacy");

        Assert.NotNull(page);
        Assert.Contains("and then for 45 days,", page.BodyHtml);
        Assert.Contains("The hashes used against abuse: 3 days.", page.BodyHtml);
        Assert.Contains("the link works for 12 hours,", page.BodyHtml);
        Assert.DoesNotContain("{{", page.BodyHtml);
        // Coordinators edit the placeholders, not today's numbers.
        Assert.Contains("{{contact-retention}}", page.Body);
    }

    [Fact]
    public async Task PrivacyPage_NeverStatesAHashPeriodShorterThanTheLimitsStillCounting()
    {
        await using var db = new SqliteDatabase
        {
            Settings = new Dictionary<string, string?>
            {
                ["Hrc:Privacy:RateLimitRecordRetention"] = "00:10:00",
                ["Hrc:Questions:RateWindow"] = "1.00:00:00",
            },
        };
        await db.InitializeAsync();

        Assert.Equal("1 day", db.Get<PrivacyPeriods>().Values["rate-limit-retention"]);
    }

    [Theory]
    [InlineData("90.00:00:00", "90 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("1.12:00:00", "36 hours")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:00:30", "1 minute")]
    public void Describe_UsesTheLargestExactUnit(string period, string expected) =>
        Assert.Equal(expected, PrivacyPeriods.Describe(TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture)));
}
