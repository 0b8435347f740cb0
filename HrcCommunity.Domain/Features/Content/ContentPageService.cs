using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Content;

public sealed record ContentPageView(string Slug, string Title, string Summary, string Body, string BodyHtml, int Version, DateTime UpdatedAt);

public sealed record ContentPageEdit(string Title, string Summary, string Body, int ExpectedVersion);

public sealed record ContentRevisionView(int Version, string Title, DateTime ChangedAt, string ChangedByName);

public sealed class ContentPageService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, PrivacyPeriods periods)
{
    /// <summary>A page's text as readers see it: the configured periods in place of their placeholders.</summary>
    public string ToHtml(string body) => Markdown.ToHtml(periods.Fill(body));

    public async Task<ContentPageView?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await db.ContentPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        return page is null ? null
            : new ContentPageView(page.Slug, page.Title, page.Summary, page.Body, ToHtml(page.Body), page.Version, page.UpdatedAt);
    }

    public async Task<IReadOnlyList<ContentRevisionView>> HistoryAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see the history of site pages");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContentPageRevisions.AsNoTracking()
            .Where(r => db.ContentPages.Any(p => p.Id == r.ContentPageId && p.Slug == slug))
            .OrderByDescending(r => r.Version)
            .Select(r => new ContentRevisionView(r.Version, r.Title, r.ChangedAt, r.ChangedByName))
            .ToListAsync(ct);
    }

    public async Task<ContentPageView> UpdateAsync(Actor actor, string slug, ContentPageEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit site pages");
        new Validator()
            .Required("title", edit.Title, "The title", ContentPage.TitleMax)
            .Length("summary", edit.Summary, "The summary", ContentPage.SummaryMax)
            .Required("body", edit.Body, "The text", ContentPage.BodyMax)
            .ThrowIfInvalid();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await db.ContentPages.FirstOrDefaultAsync(p => p.Slug == slug, ct) ?? throw new NotFoundException("The page");
        if (page.Version != edit.ExpectedVersion)
            throw new ConflictException("Someone saved this page while you were editing it. Reload to see their version, then apply your changes again.");

        var now = clock.GetUtcNow().UtcDateTime;
        page.Title = edit.Title.Trim();
        page.Summary = edit.Summary.Trim();
        page.Body = edit.Body;
        page.UpdatedAt = now;
        page.UpdatedById = actor.UserId;
        page.Version++;
        page.Revisions.Add(new ContentPageRevision
        {
            Version = page.Version, Title = page.Title, Body = page.Body, ChangedAt = now,
            ChangedById = actor.UserId ?? "", ChangedByName = actor.DisplayName,
        });
        await db.IndexAsync(ToSearchDocument(page), clock, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone saved this page at the same moment. Reload to see their version, then apply your changes again.");
        }
        return new ContentPageView(page.Slug, page.Title, page.Summary, page.Body, ToHtml(page.Body), page.Version, page.UpdatedAt);
    }

    internal static SearchDocument ToSearchDocument(ContentPage page) =>
        new("page", page.Slug, page.Slug == "home" ? "/" : "/" + page.Slug, page.Title, page.Summary, Markdown.ToPlainText(page.Body), []);
}
