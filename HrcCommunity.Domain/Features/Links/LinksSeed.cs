using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Links;

/// <summary>
/// The network's catalogue of useful websites, every entry in its category. Addresses are given
/// only where the organisation's official site is well known; the others are listed without a link.
/// </summary>
public sealed class LinksSeed(TimeProvider clock) : ISeed
{
    public int Order => 30;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.UsefulLinks.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var links = LinkCatalogue.Entries
            .GroupBy(e => e.Category)
            .SelectMany(g => g.Select((e, i) => new UsefulLink
            {
                Category = e.Category, Title = e.Title, Url = e.Url, Description = e.Description,
                Themes = string.Join(' ', e.Themes), Position = i + 1, UpdatedAt = now,
            }))
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.UsefulLinks.AddRange(links);
        await db.SaveChangesAsync(ct);
        foreach (var link in links) await Search.SearchIndexing.IndexAsync(db, LinksService.ToSearchDocument(link), clock, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
