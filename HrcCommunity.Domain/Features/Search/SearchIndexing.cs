using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Search;

public sealed record SearchDocument(
    string Kind,
    string Key,
    string Url,
    string Title,
    string Summary,
    string Body,
    IEnumerable<string> Themes,
    ContentLayer Layer = ContentLayer.Public);

public static class SearchIndexing
{
    /// <summary>
    /// Replaces the record's entry in that layer. Runs inside the caller's SaveChangesAsync so
    /// the index never disagrees with the record it describes.
    /// </summary>
    public static async Task IndexAsync(this HrcDbContext db, SearchDocument document, TimeProvider clock, CancellationToken ct = default)
    {
        var entry = await db.SearchEntries.FirstOrDefaultAsync(
            e => e.Kind == document.Kind && e.Key == document.Key && e.Layer == document.Layer, ct);
        if (entry is null)
        {
            entry = new SearchEntry { Kind = document.Kind, Key = document.Key, Layer = document.Layer };
            db.SearchEntries.Add(entry);
        }
        entry.Url = document.Url;
        entry.Title = SearchSnippet.StripMarkers(document.Title);
        entry.Summary = SearchSnippet.StripMarkers(document.Summary);
        entry.Body = SearchSnippet.StripMarkers(document.Body);
        entry.Themes = string.Join(' ', document.Themes.Distinct());
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Removes a record from the index, in one layer or in all of them.</summary>
    public static async Task RemoveFromSearchAsync(this HrcDbContext db, string kind, string key, ContentLayer? layer = null, CancellationToken ct = default)
    {
        var entries = await db.SearchEntries
            .Where(e => e.Kind == kind && e.Key == key && (layer == null || e.Layer == layer))
            .ToListAsync(ct);
        db.SearchEntries.RemoveRange(entries);
    }
}
