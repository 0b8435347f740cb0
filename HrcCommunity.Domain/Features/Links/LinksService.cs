using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Links;

public sealed record LinkView(int Id, string Category, string Title, string? Url, string Description, IReadOnlyList<string> Themes, int Position);

public sealed record LinkCategoryView(string Code, string Label, IReadOnlyList<LinkView> Links);

public sealed record LinkEdit(string Category, string Title, string? Url, string Description, IReadOnlyList<string> Themes);

public sealed class LinksService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxThemes = 10;

    /// <summary>Every category in the network's order, each with its links in their place.</summary>
    public async Task<IReadOnlyList<LinkCategoryView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.UsefulLinks.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
        return LinkCategories.All
            .Select(c => new LinkCategoryView(c.Code, c.Label, links.Where(l => l.Category == c.Code).Select(ToView).ToList()))
            .ToList();
    }

    public async Task<LinkView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.UsefulLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return link is null ? null : ToView(link);
    }

    public async Task<LinkView> CreateAsync(Actor actor, LinkEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit useful links");
        Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The search key is the id, known only once the row exists: one transaction covers both saves.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var link = new UsefulLink { Category = edit.Category, Position = await NextPositionAsync(db, edit.Category, ct) };
        Apply(link, edit);
        db.UsefulLinks.Add(link);
        await db.SaveChangesAsync(ct);
        await db.IndexAsync(ToSearchDocument(link), clock, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToView(link);
    }

    public async Task<LinkView> UpdateAsync(Actor actor, int id, LinkEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit useful links");
        Validate(edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.UsefulLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("The link");
        if (link.Category != edit.Category) link.Position = await NextPositionAsync(db, edit.Category, ct);
        link.Category = edit.Category;
        Apply(link, edit);
        await db.IndexAsync(ToSearchDocument(link), clock, ct);
        await db.SaveChangesAsync(ct);
        return ToView(link);
    }

    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "delete useful links");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.UsefulLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("The link");
        db.UsefulLinks.Remove(link);
        await db.RemoveFromSearchAsync(SearchKinds.Link, Key(link.Id), ct: ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Swaps a link with its neighbour above (-1) or below (+1) in its category.</summary>
    public async Task MoveAsync(Actor actor, int id, int direction, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "reorder useful links");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.UsefulLinks.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("The link");
        var siblings = await db.UsefulLinks.Where(l => l.Category == link.Category)
            .OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
        var index = siblings.FindIndex(l => l.Id == id);
        var target = index + Math.Sign(direction);
        if (direction == 0 || target < 0 || target >= siblings.Count) return;
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        // Renumbering the whole category also repairs gaps left by deletions.
        for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
    }

    internal static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static SearchDocument ToSearchDocument(UsefulLink link) =>
        new(SearchKinds.Link, Key(link.Id), $"/links#link-{link.Id}", link.Title, link.Description,
            $"{LinkCategories.LabelOf(link.Category)} {link.Url}".Trim(),
            link.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void Validate(LinkEdit edit)
    {
        var validator = new Validator()
            .Check(LinkCategories.IsKnown(edit.Category), "category", "Choose one of the catalogue's categories.")
            .Required("title", edit.Title, "The title", UsefulLink.TitleMax)
            .Url("url", edit.Url, "The address", required: false)
            .Length("description", edit.Description, "The description", UsefulLink.DescriptionMax)
            .Check(edit.Themes.Count <= MaxThemes, "themes", $"Choose at most {MaxThemes} themes.")
            .Themes("themes", edit.Themes);
        if (edit.Url is { Length: > UsefulLink.UrlMax })
            validator.Check(false, "url", $"The address must be at most {UsefulLink.UrlMax} characters.");
        validator.ThrowIfInvalid();
    }

    private void Apply(UsefulLink link, LinkEdit edit)
    {
        link.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        link.Title = edit.Title.Trim();
        link.Url = string.IsNullOrWhiteSpace(edit.Url) ? null : edit.Url.Trim();
        link.Description = edit.Description.Trim();
        link.Themes = string.Join(' ', edit.Themes.Distinct(StringComparer.Ordinal));
    }

    private static async Task<int> NextPositionAsync(HrcDbContext db, string category, CancellationToken ct) =>
        (await db.UsefulLinks.Where(l => l.Category == category).MaxAsync(l => (int?)l.Position, ct) ?? 0) + 1;

    private static LinkView ToView(UsefulLink l) =>
        new(l.Id, l.Category, l.Title, l.Url, l.Description, l.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries), l.Position);
}
