using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Content;

public sealed class ContentPagesSeed(TimeProvider clock) : ISeed
{
    public int Order => 10;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        var existing = await db.ContentPages.Select(p => p.Slug).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var source in EmbeddedMarkdown.Load("Content").Where(s => !existing.Contains(s.Name)))
        {
            var page = new ContentPage
            {
                Slug = source.Name,
                Title = source.Meta["title"],
                Summary = source.Meta.GetValueOrDefault("summary", ""),
                Body = source.Body,
                UpdatedAt = now,
                Version = 1,
            };
            db.ContentPages.Add(page);
            await db.IndexAsync(ContentPageService.ToSearchDocument(page), clock, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
