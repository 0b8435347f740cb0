using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>
/// Practices shared by practitioners: submitted → in review → published (or changes requested, or
/// rejected) by coordinators; once published, practitioners comment and mark them useful.
/// </summary>
public sealed class PracticeService(
    IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, KnowledgeService knowledge, IOptions<EmailOptions> email,
    ILiveNotifier<PracticeChanged> notifier)
{
    public const string Kind = "practice";

    private const string ConflictMessage =
        "This practice changed while you were looking at it (someone reviewed or edited it). Reload to see its current state.";

    public static string UrlOf(string slug) => $"/practices/{slug}";

    public async Task<string> SubmitAsync(Actor actor, PracticeInput input, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "share practices");
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var practice = new Practice
        {
            Slug = await KnowledgeFields.UniqueSlugAsync($"{input.City} {input.Title}", s => db.Practices.AnyAsync(p => p.Slug == s, ct)),
            Status = PracticeStatus.InReview, SubmitterId = actor.UserId!, SubmitterName = actor.DisplayName,
            SubmittedAt = now, UpdatedAt = now, Version = 1,
        };
        Apply(practice, input);
        db.Practices.Add(practice);
        await db.SaveChangesAsync(ct);
        await PublishLiveAsync(actor, practice);
        return practice.Slug;
    }

    public async Task<PracticeEditView> GetForEditAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        RequireEditable(actor, practice);
        return new PracticeEditView(practice!.Slug, ToInput(practice), practice.Status, practice.ReviewNote, practice.Version);
    }

    /// <summary>The submitter changes their practice while it waits or after changes were asked for; it goes back to review.</summary>
    public async Task ResubmitAsync(Actor actor, string slug, PracticeInput input, int expectedVersion, CancellationToken ct = default)
    {
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practice = await db.Practices.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        RequireEditable(actor, practice);
        if (practice!.Version != expectedVersion) throw new ConflictException(ConflictMessage);
        Apply(practice, input);
        practice.Status = PracticeStatus.InReview;
        practice.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        practice.Version++;
        await SaveAsync(db, ct);
        await PublishLiveAsync(actor, practice);
    }

    public async Task<IReadOnlyList<PracticeSubmission>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "share practices");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Practices.AsNoTracking().Where(p => p.SubmitterId == actor.UserId)
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new PracticeSubmission(p.Slug, p.Title, p.City, p.Status, p.ReviewNote, p.SubmitterName, p.UpdatedAt, p.Version))
            .ToListAsync(ct);
    }

    /// <summary>Waiting for review first, oldest first; <see cref="ListRequest.Sort"/> is not used, since each card is decided in turn.</summary>
    public async Task<ListPage<PracticeSubmission>> ReviewQueueAsync(Actor actor, ListRequest? request = null, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "review practices");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Practices.AsNoTracking()
            .Where(p => p.Status == PracticeStatus.InReview || p.Status == PracticeStatus.ChangesRequested)
            .OrderBy(p => p.Status).ThenBy(p => p.UpdatedAt).ThenBy(p => p.Id)
            .Select(p => new PracticeSubmission(p.Slug, p.Title, p.City, p.Status, p.ReviewNote, p.SubmitterName, p.UpdatedAt, p.Version))
            .ToListPageAsync(request ?? new ListRequest(), ct);
    }

    public async Task<PracticeListResult> ListPublishedAsync(string? theme = null, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(1, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Practices.AsNoTracking().Where(p => p.Status == PracticeStatus.Published);
        if (!string.IsNullOrEmpty(theme)) query = query.Where(p => p.Themes.Contains(theme));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Title).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Slug, p.Title, p.City, p.Period, p.Problem, p.Themes, p.PublishedAt,
                Useful = db.PracticeUsefulMarks.Count(m => m.PracticeId == p.Id),
            })
            .ToListAsync(ct);
        return new PracticeListResult(rows.Select(r => new PracticeCard(r.Slug, r.Title, r.City, r.Period, Excerpt(r.Problem), r.Themes, r.Useful, r.PublishedAt)).ToList(),
            total, page, pageSize);
    }

    /// <summary>Null when the practice does not exist or is not published and the actor is neither its submitter nor a coordinator.</summary>
    public async Task<PracticeView?> GetAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (practice is null || !CanRead(actor, practice)) return null;
        var layer = actor.CanSeePractitionerLayer;
        var useful = await db.PracticeUsefulMarks.CountAsync(m => m.PracticeId == practice.Id, ct);
        var mine = actor.UserId is not null && await db.PracticeUsefulMarks.AnyAsync(m => m.PracticeId == practice.Id && m.UserId == actor.UserId, ct);
        var comments = layer
            ? await db.PracticeComments.AsNoTracking().Where(c => c.PracticeId == practice.Id).OrderBy(c => c.Id)
                .Select(c => new PracticeCommentView(c.AuthorName, c.Body, c.CreatedAt)).ToListAsync(ct)
            : [];
        var isSubmitter = practice.SubmitterId == actor.UserId;
        return new PracticeView(practice.Slug, practice.Title, practice.City, practice.Period,
            Markdown.ToHtml(practice.Problem), Markdown.ToHtml(practice.Approach), Markdown.ToHtml(practice.Results), Markdown.ToHtml(practice.Lessons),
            layer ? practice.Contact : null, practice.Themes, KnowledgeFields.FromJson(practice.LinksJson),
            practice.Status, isSubmitter || actor.CanCoordinate ? practice.ReviewNote : null, practice.SubmitterName,
            practice.SubmittedAt, practice.PublishedAt, useful, mine, comments, practice.PromotedToSlug,
            actor.CanCoordinate, layer && practice.Status == PracticeStatus.Published, practice.Version);
    }

    public Task RequestChangesAsync(Actor actor, string slug, string note, int expectedVersion, CancellationToken ct = default) =>
        DecideAsync(actor, slug, PracticeStatus.ChangesRequested, note, expectedVersion, ct);

    public Task PublishAsync(Actor actor, string slug, int expectedVersion, CancellationToken ct = default) =>
        DecideAsync(actor, slug, PracticeStatus.Published, null, expectedVersion, ct);

    public Task RejectAsync(Actor actor, string slug, string note, int expectedVersion, CancellationToken ct = default) =>
        DecideAsync(actor, slug, PracticeStatus.Rejected, note, expectedVersion, ct);

    private async Task DecideAsync(Actor actor, string slug, PracticeStatus target, string? note, int expectedVersion, CancellationToken ct)
    {
        actor.Require(actor.CanCoordinate, "review practices");
        if (target != PracticeStatus.Published)
            new Validator().Required("note", note, "A note to the submitter", Practice.NoteMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practice = await db.Practices.FirstOrDefaultAsync(p => p.Slug == slug, ct) ?? throw new NotFoundException("The practice");
        var allowed = (practice.Status, target) switch
        {
            (PracticeStatus.InReview, _) => true,
            (PracticeStatus.ChangesRequested, PracticeStatus.Rejected) => true,
            _ => false,
        };
        if (!allowed)
            throw new ConflictException($"This practice is {Describe(practice.Status)}; it cannot be {Describe(target)} now.");
        if (practice.Version != expectedVersion) throw new ConflictException(ConflictMessage);

        var now = clock.GetUtcNow().UtcDateTime;
        practice.Status = target;
        practice.ReviewNote = note?.Trim();
        practice.UpdatedAt = now;
        practice.Version++;
        if (target == PracticeStatus.Published)
        {
            practice.PublishedAt ??= now;
            await IndexAsync(db, practice, clock, ct);
        }
        await db.NotifyAsync(clock, new Notice(practice.SubmitterId, NotificationKind.PracticeReview, DecisionSubject(practice),
                target == PracticeStatus.Published ? $"/practices/{practice.Slug}" : "/practices/mine"),
            new NoticeEmail(DecisionSubject(practice), DecisionBody(practice), null, "practice-review"), ct);
        await SaveAsync(db, ct);
        await PublishLiveAsync(actor, practice);
    }

    private async Task PublishLiveAsync(Actor actor, Practice practice)
    {
        var changed = new PracticeChanged(practice.Slug, practice.Status);
        await notifier.PublishAsync(PracticeChanged.QueueTopic, actor.UserId, changed);
        await notifier.PublishAsync(PracticeChanged.SubmitterTopic(practice.SubmitterId), actor.UserId, changed);
    }

    public async Task CommentAsync(Actor actor, string slug, string body, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "comment on practices");
        new Validator().Required("comment", body, "The comment", Practice.CommentMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practiceId = await PublishedIdAsync(db, slug, ct);
        db.PracticeComments.Add(new PracticeComment
        {
            PracticeId = practiceId, AuthorId = actor.UserId!, AuthorName = actor.DisplayName, Body = body.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks the practice useful for this person, or takes the mark back. Returns whether it is now marked.</summary>
    public async Task<bool> ToggleUsefulAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanSeePractitionerLayer, "mark practices useful");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practiceId = await PublishedIdAsync(db, slug, ct);
        var removed = await db.PracticeUsefulMarks.Where(m => m.PracticeId == practiceId && m.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        if (removed > 0) return false;
        db.PracticeUsefulMarks.Add(new PracticeUsefulMark { PracticeId = practiceId, UserId = actor.UserId!, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click raced us to the unique index: the mark is there, which is what was asked.
        }
        return true;
    }

    /// <summary>Creates (or finds) a draft knowledge item from a published practice and returns its slug.</summary>
    public async Task<string> PromoteAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "promote practices into the Knowledge Centre");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var practice = await db.Practices.FirstOrDefaultAsync(p => p.Slug == slug, ct) ?? throw new NotFoundException("The practice");
        if (practice.Status != PracticeStatus.Published)
            throw new ConflictException("Only published practices can be promoted into the Knowledge Centre.");
        var body = $"""
            A practice from {practice.City} ({practice.Period}), shared by the network's practitioners.

            ## The problem

            {practice.Problem}

            ## The approach

            {practice.Approach}

            ## Results

            {practice.Results}

            ## Lessons learned

            {practice.Lessons}
            """;
        var source = new KnowledgeSource($"{practice.City}: {practice.Title}", Excerpt(practice.Problem), body, practice.Themes,
            KnowledgeFields.FromJson(practice.LinksJson), Kind, practice.Slug, UrlOf(practice.Slug));
        var knowledgeSlug = await knowledge.CreateDraftFromSourceAsync(actor, source, ct);
        practice.PromotedToSlug = knowledgeSlug;
        await db.SaveChangesAsync(ct);
        return knowledgeSlug;
    }

    /// <summary>Public entry without the contact; the practitioners' entry with it.</summary>
    internal static async Task IndexAsync(HrcDbContext db, Practice practice, TimeProvider clock, CancellationToken ct)
    {
        var url = UrlOf(practice.Slug);
        var title = $"{practice.Title} ({practice.City})";
        var summary = Excerpt(practice.Problem);
        var text = string.Join("\n", new[] { practice.Problem, practice.Approach, practice.Results, practice.Lessons }.Select(Markdown.ToPlainText));
        await db.IndexAsync(new SearchDocument(Kind, practice.Slug, url, title, summary, text, practice.Themes), clock, ct);
        await db.IndexAsync(new SearchDocument(Kind, practice.Slug, url, title, summary, text + "\n" + practice.Contact, practice.Themes,
            ContentLayer.Practitioners), clock, ct);
        await db.SetNetworkTagsAsync(Kind, practice.Slug, title, url, true, practice.NetworkSlugs, ct);
    }

    private static bool CanRead(Actor actor, Practice practice) =>
        practice.Status == PracticeStatus.Published || actor.CanCoordinate
        || (actor.UserId is not null && practice.SubmitterId == actor.UserId);

    private static void RequireEditable(Actor actor, Practice? practice)
    {
        if (practice is null || actor.UserId is null || practice.SubmitterId != actor.UserId) throw new NotFoundException("Your practice");
        if (practice.Status is not (PracticeStatus.InReview or PracticeStatus.ChangesRequested))
            throw new ConflictException($"This practice is {Describe(practice.Status)} and can no longer be changed.");
    }

    private static async Task<int> PublishedIdAsync(HrcDbContext db, string slug, CancellationToken ct) =>
        await db.Practices.Where(p => p.Slug == slug && p.Status == PracticeStatus.Published).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The practice");

    internal static void Validate(PracticeInput input)
    {
        var validator = new Validator()
            .Required("title", input.Title, "The title", Practice.TitleMax)
            .Required("city", input.City, "The city", Practice.ShortMax)
            .Required("period", input.Period, "The period", Practice.ShortMax)
            .Required("problem", input.Problem, "The problem", Practice.TextMax)
            .Required("approach", input.Approach, "The approach", Practice.TextMax)
            .Required("results", input.Results, "The results", Practice.TextMax)
            .Required("lessons", input.Lessons, "The lessons learned", Practice.TextMax)
            .Required("contact", input.Contact, "The contact", Practice.ContactMax);
        KnowledgeFields.CheckThemes(validator, input.Themes, KnowledgeItem.MaxThemes);
        KnowledgeFields.CheckLinks(validator, input.Links, KnowledgeItem.MaxLinks);
        KnowledgeFields.CheckNetworks(validator, input.NetworkSlugs, KnowledgeItem.MaxNetworks);
        validator.ThrowIfInvalid();
    }

    private static void Apply(Practice practice, PracticeInput input)
    {
        practice.Title = input.Title.Trim();
        practice.City = input.City.Trim();
        practice.Period = input.Period.Trim();
        practice.Problem = input.Problem.Trim();
        practice.Approach = input.Approach.Trim();
        practice.Results = input.Results.Trim();
        practice.Lessons = input.Lessons.Trim();
        practice.Contact = input.Contact.Trim();
        practice.Themes = input.Themes.Distinct().ToList();
        practice.LinksJson = KnowledgeFields.ToJson(input.Links);
        practice.NetworkSlugs = input.NetworkSlugs.Distinct().ToList();
    }

    private static PracticeInput ToInput(Practice p) =>
        new(p.Title, p.City, p.Period, p.Problem, p.Approach, p.Results, p.Lessons, p.Contact, p.Themes,
            KnowledgeFields.FromJson(p.LinksJson), p.NetworkSlugs);

    public static string Describe(PracticeStatus status) => status switch
    {
        PracticeStatus.InReview => "in review",
        PracticeStatus.ChangesRequested => "waiting for changes",
        PracticeStatus.Published => "published",
        _ => "rejected",
    };

    private string DecisionSubject(Practice practice) => practice.Status switch
    {
        PracticeStatus.Published => PracticeEmails.Text("PublishedSubject", practice.Title),
        PracticeStatus.ChangesRequested => PracticeEmails.Text("ChangesSubject", practice.Title),
        _ => PracticeEmails.Text("RejectedSubject", practice.Title),
    };

    private string DecisionBody(Practice practice)
    {
        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        return practice.Status switch
        {
            PracticeStatus.Published => PracticeEmails.Text("PublishedText", practice.SubmitterName, $"{baseUrl}{UrlOf(practice.Slug)}"),
            PracticeStatus.ChangesRequested => PracticeEmails.Text("ChangesText", practice.SubmitterName, practice.ReviewNote ?? "",
                $"{baseUrl}/practices/submit?edit={practice.Slug}"),
            _ => PracticeEmails.Text("RejectedText", practice.SubmitterName, practice.ReviewNote ?? ""),
        };
    }

    private static string Excerpt(string markdown)
    {
        var text = Markdown.ToPlainText(markdown).ReplaceLineEndings(" ");
        return text.Length <= 240 ? text : text[..237].TrimEnd() + "…";
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
}
