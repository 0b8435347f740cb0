using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

public static class NetworkTagging
{
    /// <summary>
    /// Replaces a record's network tags; written by the caller's SaveChangesAsync. Slugs of networks that
    /// are not (or no longer) in the directory are left out, so a network's page never lists a dangling tag.
    /// </summary>
    public static async Task SetNetworkTagsAsync(this HrcDbContext db, string kind, string key, string title, string url,
        bool isPublic, IEnumerable<string> networkSlugs, CancellationToken ct = default)
    {
        var existing = await db.NetworkTags.Where(t => t.Kind == kind && t.Key == key).ToListAsync(ct);
        db.NetworkTags.RemoveRange(existing);
        var wanted = networkSlugs.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Networks.Where(n => wanted.Contains(n.Slug) && n.DeletedAt == null).Select(n => n.Slug).ToListAsync(ct);
        foreach (var slug in wanted.Where(known.Contains))
            db.NetworkTags.Add(new NetworkTag { NetworkSlug = slug, Kind = kind, Key = key, Title = title, Url = url, IsPublic = isPublic });
    }
}
