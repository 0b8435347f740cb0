using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

public static class NetworkTagging
{
    /// <summary>Replaces a record's network tags; written by the caller's SaveChangesAsync.</summary>
    public static async Task SetNetworkTagsAsync(this HrcDbContext db, string kind, string key, string title, string url,
        bool isPublic, IEnumerable<string> networkSlugs, CancellationToken ct = default)
    {
        var existing = await db.NetworkTags.Where(t => t.Kind == kind && t.Key == key).ToListAsync(ct);
        db.NetworkTags.RemoveRange(existing);
        foreach (var slug in networkSlugs.Distinct(StringComparer.Ordinal))
            db.NetworkTags.Add(new NetworkTag { NetworkSlug = slug, Kind = kind, Key = key, Title = title, Url = url, IsPublic = isPublic });
    }
}
