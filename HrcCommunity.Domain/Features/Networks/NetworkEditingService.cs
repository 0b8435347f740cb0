using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

public sealed record NetworkEditView(string Slug, string Name, IReadOnlyDictionary<string, string> Values, int Version,
    IReadOnlyList<NetworkLink> AllCities, IReadOnlySet<string> MemberCitySlugs);

/// <summary>Coordinators edit and remove entries directly; every change lands in the entry's history.</summary>
public sealed class NetworkEditingService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public async Task<NetworkEditView?> GetForEditAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit directory entries");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug && n.DeletedAt == null, ct);
        if (network is null) return null;
        var cities = await db.MemberCities.AsNoTracking().OrderBy(c => c.Name).Select(c => new NetworkLink(c.Slug, c.Name)).ToListAsync(ct);
        var members = await db.NetworkMemberCities.Where(m => m.NetworkId == network.Id)
            .Join(db.MemberCities, m => m.MemberCityId, c => c.Id, (m, c) => c.Slug).ToListAsync(ct);
        return new NetworkEditView(network.Slug, network.Name, NetworkFields.ValuesOf(network), network.Version, cities, members.ToHashSet());
    }

    /// <summary>Saves the changed fields and which of our member cities belong to the network; a stale version is refused.</summary>
    public async Task<int> UpdateAsync(Actor actor, string slug, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string> memberCitySlugs,
        int expectedVersion, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit directory entries");
        var canonical = NetworkWriter.Canonicalize(values);
        NetworkFields.Validate(canonical, clock.GetUtcNow().Year).ThrowIfInvalid();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await NetworkWriter.FindForChangeAsync(db, slug, ct);
        if (network.Version != expectedVersion)
            throw new ConflictException("Someone changed this entry while you were editing it. Reload to see the current values, then apply your changes again.");

        var changes = NetworkWriter.ChangedFields(network, canonical);
        var cityIds = await db.MemberCities.Where(c => memberCitySlugs.Contains(c.Slug)).Select(c => c.Id).ToListAsync(ct);
        var current = await db.NetworkMemberCities.Where(m => m.NetworkId == network.Id).ToListAsync(ct);
        var membersChanged = !current.Select(m => m.MemberCityId).ToHashSet().SetEquals(cityIds);
        if (membersChanged)
        {
            db.NetworkMemberCities.RemoveRange(current.Where(m => !cityIds.Contains(m.MemberCityId)));
            db.NetworkMemberCities.AddRange(cityIds.Where(id => current.All(m => m.MemberCityId != id))
                .Select(id => new NetworkMemberCity { NetworkId = network.Id, MemberCityId = id }));
        }
        if (changes.Count == 0 && !membersChanged) return network.Version;

        await NetworkWriter.ApplyAsync(db, network, changes, actor, "edited", null, clock, ct, membersChanged ? [NetworkFields.MemberCitiesKey] : null);
        await SaveAsync(db, ct);
        return network.Version;
    }

    /// <summary>Soft delete: the entry leaves the directory, search and API, but its history and corrections stay on record.</summary>
    public async Task DeleteAsync(Actor actor, string slug, int expectedVersion, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "remove directory entries");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await NetworkWriter.FindForChangeAsync(db, slug, ct);
        if (network.Version != expectedVersion)
            throw new ConflictException("Someone changed this entry since you opened it. Reload it before removing it.");
        var now = clock.GetUtcNow().UtcDateTime;
        network.DeletedAt = now;
        network.UpdatedAt = now;
        network.Version++;
        db.NetworkChanges.Add(new NetworkChange
        {
            NetworkId = network.Id, Version = network.Version, Kind = "deleted", ChangedAt = now,
            ChangedById = actor.UserId, ChangedByName = NetworkWriter.Describe(actor),
        });
        await db.RemoveFromSearchAsync("network", network.Slug, ct: ct);
        await SaveAsync(db, ct);
    }

    private static async Task SaveAsync(HrcDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone changed this entry at the same moment. Reload to see their version, then try again.");
        }
    }
}
