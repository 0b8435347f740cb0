using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>
/// The Excellence Knowledge Centre: items with a public and a practitioners' layer, edited by
/// coordinators, proposed by practitioners, moved draft → in review → published.
/// </summary>
public sealed class KnowledgeService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public const string Kind = "knowledge";
    public const int MaxPageSize = 100;

    private const string ConflictMessage =
        "Someone else saved this item while you were editing it. Reload to see their version, then apply your changes again.";

    public static string UrlOf(string slug) => $"/knowledge/{slug}";

    public async Task<KnowledgeListResult> ListAsync(Actor actor, KnowledgeSection? section = null, string? theme = null,
        int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db.KnowledgeItems.AsNoTracking(), actor).Where(k => k.Status == KnowledgeStatus.Published);
        if (section is { } s) query = query.Where(k => k.Section == s);
        if (!string.IsNullOrEmpty(theme)) query = query.Where(k => k.Themes.Contains(theme));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(k => k.Title).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(k => new KnowledgeCard(k.Slug, k.Title, k.Section, k.Summary, k.Themes, k.PractitionersOnly,
                k.PractitionerBody != "", k.PublishedAt))
            .ToListAsync(ct);
        return new KnowledgeListResult(items, total, page, pageSize);
    }

    /// <summary>Null when the item does not exist or the actor may not know it exists (the page answers 404).</summary>
    public async Task<KnowledgeItemView?> GetAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.KnowledgeItems.AsNoTracking().Include(k => k.Attachments)
            .FirstOrDefaultAsync(k => k.Slug == slug, ct);
        if (item is null || !CanRead(actor, item)) return null;
        var layer = actor.CanSeePractitionerLayer;
        var files = item.Attachments.OrderBy(a => a.FileName).ToList();
        var visibleFiles = files.Where(a => a.IsPublic || layer).Select(a => ToView(item.Slug, a)).ToList();
        return new KnowledgeItemView(item.Slug, item.Title, item.Section, item.Summary, item.Body, Markdown.ToHtml(item.Body),
            layer ? item.PractitionerBody : null, layer ? Markdown.ToHtml(item.PractitionerBody) : null,
            !layer && (item.PractitionerBody.Length > 0 || files.Count > visibleFiles.Count), item.PractitionersOnly,
            item.Themes, KnowledgeFields.FromJson(item.LinksJson), visibleFiles, files.Count - visibleFiles.Count,
            item.AuthorName, item.Status, item.PublishedAt, item.UpdatedAt, item.SourceUrl, actor.CanCoordinate);
    }

    public async Task<KnowledgeEditView> GetForEditAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit knowledge items");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Split: one joined query would repeat every attachment once per revision.
        var item = await db.KnowledgeItems.AsNoTracking().Include(k => k.Attachments).Include(k => k.Revisions).AsSplitQuery()
            .FirstOrDefaultAsync(k => k.Slug == slug, ct) ?? throw new NotFoundException("The knowledge item");
        return new KnowledgeEditView(item.Slug, ToInput(item), item.Status, item.Version,
            item.Attachments.OrderBy(a => a.FileName).Select(a => ToView(item.Slug, a)).ToList(),
            item.Revisions.OrderByDescending(r => r.Id)
                .Select(r => new KnowledgeRevisionView(r.Version, r.Change, r.ChangedAt, r.ChangedByName)).ToList());
    }

    /// <summary>
    /// Drafts and proposals waiting for a coordinator: proposals first, then the most recently updated, unless sorted by
    /// title, section, author or updated (<see cref="ListRequest.Sort"/>).
    /// </summary>
    public async Task<ListPage<KnowledgeQueueItem>> ListUnpublishedAsync(Actor actor, ListRequest? request = null, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see unpublished knowledge items");
        request ??= new ListRequest();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.KnowledgeItems.AsNoTracking().Where(k => k.Status != KnowledgeStatus.Published);
        IOrderedQueryable<KnowledgeItem> sorted = (request.SortOr("status", "status", "title", "section", "author", "updated"), request.Descending) switch
        {
            ("title", false) => waiting.OrderBy(k => k.Title),
            ("title", true) => waiting.OrderByDescending(k => k.Title),
            ("section", false) => waiting.OrderBy(k => k.Section).ThenByDescending(k => k.UpdatedAt),
            ("section", true) => waiting.OrderByDescending(k => k.Section).ThenByDescending(k => k.UpdatedAt),
            ("author", false) => waiting.OrderBy(k => k.AuthorName).ThenByDescending(k => k.UpdatedAt),
            ("author", true) => waiting.OrderByDescending(k => k.AuthorName).ThenByDescending(k => k.UpdatedAt),
            ("updated", false) => waiting.OrderBy(k => k.UpdatedAt),
            ("updated", true) => waiting.OrderByDescending(k => k.UpdatedAt),
            (_, true) => waiting.OrderBy(k => k.Status).ThenByDescending(k => k.UpdatedAt),
            _ => waiting.OrderByDescending(k => k.Status).ThenByDescending(k => k.UpdatedAt),
        };
        return await sorted.ThenBy(k => k.Id)
            .Select(k => new KnowledgeQueueItem(k.Slug, k.Title, k.Section, k.Status, k.AuthorName, k.UpdatedAt))
            .ToListPageAsync(request, ct);
    }

    /// <summary>
    /// Coordinators start a draft; an approved practitioner's item is a proposal and goes straight to review.
    /// Returns the new item's slug.
    /// </summary>
    public async Task<string> CreateAsync(Actor actor, KnowledgeInput input, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "propose knowledge items");
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var status = actor.CanCoordinate ? KnowledgeStatus.Draft : KnowledgeStatus.InReview;
        var item = new KnowledgeItem
        {
            Slug = await KnowledgeFields.UniqueSlugAsync(input.Title, s => db.KnowledgeItems.AnyAsync(k => k.Slug == s, ct)),
            Status = status, AuthorId = actor.UserId, AuthorName = actor.DisplayName, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        Apply(item, input);
        item.Revisions.Add(Revision(actor, item, status == KnowledgeStatus.Draft ? "Created as a draft" : "Proposed for review", now));
        db.KnowledgeItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Slug;
    }

    /// <summary>Creates a draft from another feature's record, or returns the draft already made from it.</summary>
    public async Task<string> CreateDraftFromSourceAsync(Actor actor, KnowledgeSource source, CancellationToken ct)
    {
        actor.Require(actor.CanCoordinate, "add items to the Knowledge Centre");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.KnowledgeItems.AsNoTracking()
            .Where(k => k.SourceKind == source.SourceKind && k.SourceKey == source.SourceKey)
            .Select(k => k.Slug).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;

        var input = new KnowledgeInput(Clip(source.Title, KnowledgeItem.TitleMax), KnowledgeSection.OtherIssues,
            Clip(source.Summary, KnowledgeItem.SummaryMax), Clip(source.Body, KnowledgeItem.BodyMax), "", false,
            source.Themes.Take(KnowledgeItem.MaxThemes).ToList(), source.Links.Take(KnowledgeItem.MaxLinks).ToList(), []);
        Validate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new KnowledgeItem
        {
            Slug = await KnowledgeFields.UniqueSlugAsync(input.Title, s => db.KnowledgeItems.AnyAsync(k => k.Slug == s, ct)),
            Status = KnowledgeStatus.Draft, AuthorId = actor.UserId, AuthorName = actor.DisplayName, CreatedAt = now, UpdatedAt = now,
            Version = 1, SourceKind = source.SourceKind, SourceKey = source.SourceKey, SourceUrl = source.SourceUrl,
        };
        Apply(item, input);
        item.Revisions.Add(Revision(actor, item, $"Created as a draft from {source.SourceKind} {source.SourceUrl}", now));
        db.KnowledgeItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Slug;
    }

    public async Task<int> UpdateAsync(Actor actor, string slug, KnowledgeInput input, int expectedVersion, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit knowledge items");
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, slug, expectedVersion, ct);
        var changed = ChangedFields(item, input);
        if (changed.Count == 0) return item.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(item, input);
        item.UpdatedAt = now;
        item.Version++;
        item.Revisions.Add(Revision(actor, item, "Edited " + string.Join(", ", changed), now));
        if (item.Status == KnowledgeStatus.Published) await PublishToIndexesAsync(db, item, ct);
        await SaveAsync(db, ct);
        return item.Version;
    }

    /// <summary>
    /// Draft → in review (the author or a coordinator); in review → published or back to draft, and
    /// published → draft (coordinators). Anything else is refused with the reason.
    /// </summary>
    public async Task<int> MoveAsync(Actor actor, string slug, KnowledgeStatus target, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.KnowledgeItems.FirstOrDefaultAsync(k => k.Slug == slug, ct);
        if (item is null || !CanRead(actor, item)) throw new NotFoundException("The knowledge item");
        var isAuthor = actor.UserId is not null && item.AuthorId == actor.UserId;
        var (allowed, change) = (item.Status, target) switch
        {
            (KnowledgeStatus.Draft, KnowledgeStatus.InReview) => (actor.CanCoordinate || isAuthor, "Submitted for review"),
            (KnowledgeStatus.InReview, KnowledgeStatus.Published) => (actor.CanCoordinate, "Published"),
            (KnowledgeStatus.InReview, KnowledgeStatus.Draft) => (actor.CanCoordinate || isAuthor, "Returned to draft"),
            (KnowledgeStatus.Published, KnowledgeStatus.Draft) => (actor.CanCoordinate, "Unpublished"),
            _ => throw new ConflictException(
                $"This item is {Describe(item.Status)}; it cannot become {Describe(target)} from there."),
        };
        actor.Require(allowed, "change the status of this knowledge item");
        if (item.Version != expectedVersion) throw new ConflictException(ConflictMessage);

        var now = clock.GetUtcNow().UtcDateTime;
        item.Status = target;
        item.UpdatedAt = now;
        item.Version++;
        if (target == KnowledgeStatus.Published)
        {
            item.PublishedAt ??= now;
            await PublishToIndexesAsync(db, item, ct);
        }
        else
        {
            await db.RemoveFromSearchAsync(Kind, item.Slug, ct: ct);
            await db.SetNetworkTagsAsync(Kind, item.Slug, item.Title, UrlOf(item.Slug), false, [], ct);
        }
        item.Revisions.Add(Revision(actor, item, change, now));
        await SaveAsync(db, ct);
        return item.Version;
    }

    public static string Describe(KnowledgeStatus status) => status switch
    {
        KnowledgeStatus.Draft => "a draft",
        KnowledgeStatus.InReview => "in review",
        _ => "published",
    };

    /// <summary>
    /// The public entry carries only public text; the practitioners' entry the whole item. A wholly
    /// practitioners-only item has no public entry at all, so its title never reaches a public search.
    /// </summary>
    internal static async Task PublishToIndexesAsync(HrcDbContext db, KnowledgeItem item, TimeProvider clock, CancellationToken ct)
    {
        var url = UrlOf(item.Slug);
        var publicText = Markdown.ToPlainText(item.Body);
        var fullText = (publicText + "\n" + Markdown.ToPlainText(item.PractitionerBody)).Trim();
        if (item.PractitionersOnly)
            await db.RemoveFromSearchAsync(Kind, item.Slug, ContentLayer.Public, ct);
        else
            await db.IndexAsync(new SearchDocument(Kind, item.Slug, url, item.Title, item.Summary, publicText, item.Themes), clock, ct);

        if (item.PractitionersOnly || item.PractitionerBody.Length > 0)
            await db.IndexAsync(new SearchDocument(Kind, item.Slug, url, item.Title, item.Summary, fullText, item.Themes,
                ContentLayer.Practitioners), clock, ct);
        else
            await db.RemoveFromSearchAsync(Kind, item.Slug, ContentLayer.Practitioners, ct);

        await db.SetNetworkTagsAsync(Kind, item.Slug, item.Title, url, !item.PractitionersOnly, item.NetworkSlugs, ct);
    }

    private Task PublishToIndexesAsync(HrcDbContext db, KnowledgeItem item, CancellationToken ct) =>
        PublishToIndexesAsync(db, item, clock, ct);

    /// <summary>Published items by their layer; unpublished ones only to coordinators and their author.</summary>
    internal static bool CanRead(Actor actor, KnowledgeItem item) =>
        item.Status == KnowledgeStatus.Published
            ? !item.PractitionersOnly || actor.CanSeePractitionerLayer
            : actor.CanCoordinate || (actor.UserId is not null && item.AuthorId == actor.UserId && actor.CanSeePractitionerLayer);

    private static IQueryable<KnowledgeItem> Visible(IQueryable<KnowledgeItem> items, Actor actor) =>
        actor.CanSeePractitionerLayer ? items : items.Where(k => !k.PractitionersOnly);

    internal static void Validate(KnowledgeInput input)
    {
        var validator = new Validator()
            .Required("title", input.Title, "The title", KnowledgeItem.TitleMax)
            .Required("summary", input.Summary, "The public summary", KnowledgeItem.SummaryMax)
            .Length("body", input.Body, "The public text", KnowledgeItem.BodyMax)
            .Length("practitionerBody", input.PractitionerBody, "The practitioners' text", KnowledgeItem.BodyMax)
            .Check(Enum.IsDefined(input.Section), "section", "Choose one of the Knowledge Centre's sections.")
            .Check(!input.PractitionersOnly || !string.IsNullOrWhiteSpace(input.Body) || !string.IsNullOrWhiteSpace(input.PractitionerBody),
                "body", "Write the text of the item.");
        KnowledgeFields.CheckThemes(validator, input.Themes, KnowledgeItem.MaxThemes);
        KnowledgeFields.CheckLinks(validator, input.Links, KnowledgeItem.MaxLinks);
        KnowledgeFields.CheckNetworks(validator, input.NetworkSlugs, KnowledgeItem.MaxNetworks);
        validator.ThrowIfInvalid();
    }

    private static void Apply(KnowledgeItem item, KnowledgeInput input)
    {
        item.Title = input.Title.Trim();
        item.Section = input.Section;
        item.Summary = input.Summary.Trim();
        item.Body = input.Body ?? "";
        item.PractitionerBody = input.PractitionerBody?.Trim().Length > 0 ? input.PractitionerBody : "";
        item.PractitionersOnly = input.PractitionersOnly;
        item.Themes = input.Themes.Distinct().ToList();
        item.LinksJson = KnowledgeFields.ToJson(input.Links);
        item.NetworkSlugs = input.NetworkSlugs.Distinct().ToList();
    }

    private static List<string> ChangedFields(KnowledgeItem item, KnowledgeInput input)
    {
        var before = ToInput(item);
        var changed = new List<string>();
        if (before.Title != input.Title.Trim()) changed.Add("title");
        if (before.Section != input.Section) changed.Add("section");
        if (before.Summary != input.Summary.Trim()) changed.Add("summary");
        if (before.Body != (input.Body ?? "")) changed.Add("public text");
        if (before.PractitionerBody != (input.PractitionerBody?.Trim().Length > 0 ? input.PractitionerBody : "")) changed.Add("practitioners' text");
        if (before.PractitionersOnly != input.PractitionersOnly) changed.Add("visibility");
        if (!before.Themes.SequenceEqual(input.Themes.Distinct())) changed.Add("themes");
        if (item.LinksJson != KnowledgeFields.ToJson(input.Links)) changed.Add("links");
        if (!before.NetworkSlugs.SequenceEqual(input.NetworkSlugs.Distinct())) changed.Add("networks");
        return changed;
    }

    private static KnowledgeInput ToInput(KnowledgeItem item) =>
        new(item.Title, item.Section, item.Summary, item.Body, item.PractitionerBody, item.PractitionersOnly,
            item.Themes, KnowledgeFields.FromJson(item.LinksJson), item.NetworkSlugs);

    internal static KnowledgeAttachmentView ToView(string slug, KnowledgeAttachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.IsPublic, $"/knowledge/{slug}/attachments/{a.Id}");

    internal static KnowledgeRevision Revision(Actor actor, KnowledgeItem item, string change, DateTime now) => new()
    {
        Version = item.Version, Change = Clip(change, 300), ChangedAt = now,
        ChangedById = actor.UserId ?? "", ChangedByName = actor.DisplayName,
    };

    private static async Task<KnowledgeItem> LoadForChangeAsync(HrcDbContext db, string slug, int expectedVersion, CancellationToken ct)
    {
        var item = await db.KnowledgeItems.FirstOrDefaultAsync(k => k.Slug == slug, ct) ?? throw new NotFoundException("The knowledge item");
        if (item.Version != expectedVersion) throw new ConflictException(ConflictMessage);
        return item;
    }

    private static async Task SaveAsync(HrcDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConflictMessage);
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
