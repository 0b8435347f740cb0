using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>
/// Every network of the International City Networks Directory, in our own words. Facts the source does
/// not give and we cannot vouch for stay empty, so the page says "not recorded" instead of guessing.
/// </summary>
public sealed class NetworksSeed(TimeProvider clock) : ISeed
{
    public const string SourceText = "International City Networks Directory, Geneva Cities Hub (information supplied by the networks)";

    public int Order => 30;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.Networks.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var networks = NetworkSeedData.All().ToList();
        foreach (var network in networks)
        {
            network.Source = SourceText;
            network.UpdatedAt = now;
            network.Version = 1;
        }
        db.Networks.AddRange(networks);
        await db.SaveChangesAsync(ct);

        foreach (var network in networks)
        {
            db.NetworkChanges.Add(new NetworkChange
            {
                NetworkId = network.Id, Version = 1, Kind = "created", ChangedAt = now, ChangedByName = NetworkWriter.Describe(Actor.System),
                Fields = string.Join(' ', NetworkFields.All.Where(f => f.Get(network).Length > 0).Select(f => f.Key)),
            });
            await db.IndexAsync(NetworkWriter.ToSearchDocument(network), clock, ct);
        }

        // Memberships we can vouch for: every guest member city belongs to the Human Rights Cities Network,
        // and Vienna and Utrecht are long-standing Eurocities members.
        var cities = await db.MemberCities.ToDictionaryAsync(c => c.Slug, c => c.Id, ct);
        var bySlug = networks.ToDictionary(n => n.Slug, n => n.Id);
        foreach (var cityId in cities.Values)
            db.NetworkMemberCities.Add(new NetworkMemberCity { NetworkId = bySlug["human-rights-cities-network"], MemberCityId = cityId });
        foreach (var city in new[] { "vienna", "utrecht" }.Where(cities.ContainsKey))
            db.NetworkMemberCities.Add(new NetworkMemberCity { NetworkId = bySlug["eurocities"], MemberCityId = cities[city] });
        await db.SaveChangesAsync(ct);
    }
}
