using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Networks;

/// <summary>Builds CSV files and imports test entries, each set marked by a unique word so a search finds only it.</summary>
internal static class NetworkTestData
{
    public const string Header = "slug,name,summary,member_count,membership_model,founded,regions,themes,website,contacts";

    public static Stream Csv(params string[] lines) => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    public static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Four entries with known facts (A–D), found by searching for the marker.</summary>
    public static async Task<string> ImportFourAsync(SqliteDatabase database)
    {
        var marker = Marker();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var report = await database.Get<NetworkCsvService>().ImportAsync(admin, Csv(
            Header,
            $"{marker}-a,Alpha {marker},About {marker},10,open,1990,europe,sdg-13 sdg-5,https://alpha.example.org,Alma Contact alma@example.org",
            $"{marker}-b,Bravo {marker},About {marker},300,fee,2000,europe,sdg-13,,",
            $"{marker}-c,Charlie {marker},About {marker},2000,open,1980,africa,sdg-5,,",
            $"{marker}-d,Delta {marker},About {marker},,invitation,,africa europe,sdg-13,,"));
        Assert.True(report.Applied, string.Join("; ", report.Problems));
        return marker;
    }

    public static Actor Anonymous => Actor.Anonymous;
}
