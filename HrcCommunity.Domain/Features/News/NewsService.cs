using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.News;

public sealed record NewsCard(string Slug, string Title, string Summary, IReadOnlyList<string> Themes, DateTime? PublishedAt, DateTime UpdatedAt);

public sealed record NewsPostView(string Slug, string Title, string Summary, string Body, string BodyHtml, IReadOnlyList<string> Themes,
    DateTime? PublishedAt, DateTime UpdatedAt, string AuthorName, int Version)
{
    public bool IsPublished => PublishedAt is not null;
}

/// <param name="Publish">True publishes the post (keeping its first publication date); false keeps or makes it a draft.</param>
public sealed record NewsEdit(string Title, string Summary, string Body, IReadOnlyList<string> Themes, bool Publish, int ExpectedVersion = 0);

public sealed record NewsPage(IReadOnlyList<NewsCard> Posts, int Page, int PageCount);

public sealed class NewsService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 10;
    public const int MaxThemes = 10;

    public async Task<NewsPage> ListPublishedAsync(int page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = db.NewsPosts.AsNoTracking().Where(p => p.PublishedAt != null);
        var pageCount = Math.Max(1, (await published.CountAsync(ct) + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var posts = await published.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new NewsPage(posts.Select(ToCard).ToList(), page, pageCount);
    }

    public async Task<IReadOnlyList<NewsCard>> ListDraftsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see draft news");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var drafts = await db.NewsPosts.AsNoTracking().Where(p => p.PublishedAt == null)
            .OrderByDescending(p => p.UpdatedAt).ToListAsync(ct);
        return drafts.Select(ToCard).ToList();
    }

    /// <summary>A published post for anyone; a draft only for Coordinators (others get null, as if it did not exist).</summary>
    public async Task<NewsPostView?> GetAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.NewsPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (post is null || (post.PublishedAt is null && !actor.CanCoordinate)) return null;
        return ToView(post);
    }

    public async Task<NewsPostView> CreateAsync(Actor actor, NewsEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "write news");
        Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var post = new NewsPost { Slug = await UniqueSlugAsync(db, edit.Title, ct), CreatedAt = now, AuthorName = actor.DisplayName };
        Apply(post, edit, now);
        db.NewsPosts.Add(post);
        await IndexAsync(db, post, ct);
        await SaveAsync(db, ct);
        return ToView(post);
    }

    public async Task<NewsPostView> UpdateAsync(Actor actor, string slug, NewsEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit news");
        Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.NewsPosts.FirstOrDefaultAsync(p => p.Slug == slug, ct) ?? throw new NotFoundException("The news post");
        if (post.Version != edit.ExpectedVersion)
            throw new ConflictException("Someone saved this post while you were editing it. Reload to see their version, then apply your changes again.");
        Apply(post, edit, clock.GetUtcNow().UtcDateTime);
        post.Version++;
        await IndexAsync(db, post, ct);
        await SaveAsync(db, ct);
        return ToView(post);
    }

    public async Task DeleteAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "delete news");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await db.NewsPosts.FirstOrDefaultAsync(p => p.Slug == slug, ct) ?? throw new NotFoundException("The news post");
        db.NewsPosts.Remove(post);
        await db.RemoveFromSearchAsync(SearchKinds.News, post.Slug, ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only published posts are searchable and in the feed; a post taken back to draft leaves the index.</summary>
    private async Task IndexAsync(HrcDbContext db, NewsPost post, CancellationToken ct)
    {
        if (post.PublishedAt is null)
            await db.RemoveFromSearchAsync(SearchKinds.News, post.Slug, ct: ct);
        else
            await db.IndexAsync(ToSearchDocument(post), clock, ct);
    }

    internal static SearchDocument ToSearchDocument(NewsPost post) =>
        new(SearchKinds.News, post.Slug, $"/news/{post.Slug}", post.Title, post.Summary, Markdown.ToPlainText(post.Body),
            post.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void Apply(NewsPost post, NewsEdit edit, DateTime now)
    {
        post.Title = edit.Title.Trim();
        post.Summary = edit.Summary.Trim();
        post.Body = edit.Body;
        post.Themes = string.Join(' ', edit.Themes.Distinct(StringComparer.Ordinal));
        post.UpdatedAt = now;
        if (!edit.Publish) post.PublishedAt = null;
        else post.PublishedAt ??= now;
    }

    private static void Validate(NewsEdit edit) =>
        new Validator()
            .Required("title", edit.Title, "The title", NewsPost.TitleMax)
            .Required("summary", edit.Summary, "The summary", NewsPost.SummaryMax)
            .Required("body", edit.Body, "The text", NewsPost.BodyMax)
            .Check(edit.Themes.Count <= MaxThemes, "themes", $"Choose at most {MaxThemes} themes.")
            .Themes("themes", edit.Themes)
            .Check(!string.IsNullOrEmpty(Slug.From(edit.Title ?? "")) || string.IsNullOrWhiteSpace(edit.Title), "title",
                "The title needs at least one letter or digit.")
            .ThrowIfInvalid();

    private static async Task<string> UniqueSlugAsync(HrcDbContext db, string title, CancellationToken ct)
    {
        var root = Slug.From(title);
        if (root.Length > Slug.MaxLength - 4) root = root[..(Slug.MaxLength - 4)].Trim('-');
        var slug = root;
        for (var n = 2; await db.NewsPosts.AnyAsync(p => p.Slug == slug, ct); n++) slug = $"{root}-{n}";
        return slug;
    }

    private static async Task SaveAsync(HrcDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone saved this post at the same moment. Reload to see their version, then apply your changes again.");
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Another post with this title was created at the same moment. Please try again.");
        }
    }

    private static NewsCard ToCard(NewsPost p) =>
        new(p.Slug, p.Title, p.Summary, p.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries), p.PublishedAt, p.UpdatedAt);

    private static NewsPostView ToView(NewsPost p) =>
        new(p.Slug, p.Title, p.Summary, p.Body, Markdown.ToHtml(p.Body), p.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            p.PublishedAt, p.UpdatedAt, p.AuthorName, p.Version);
}
