using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Questions;

public sealed record PublishInput(string PublicQuestion, IReadOnlyList<string> Themes, IReadOnlyList<string> NetworkSlugs);

public sealed record AnswerListItem(string Slug, string Title, string Summary, string TopicLabel, IReadOnlyList<string> Themes, DateTime PublishedAt);

/// <summary>The public Q&amp;A entry: nothing about the asker is in it, by construction.</summary>
public sealed record PublishedAnswer(string Slug, string Title, string QuestionText, string Summary, string AnswerHtml,
    IReadOnlyList<string> Links, string Topic, string TopicLabel, IReadOnlyList<string> Themes, DateTime PublishedAt);

/// <summary>Publishing answers to /answers, closing them unpublished, and reading the public answers base.</summary>
public sealed class PublishedAnswersService(
    IDbContextFactory<HrcDbContext> dbFactory,
    QuestionTriageService triage,
    KnowledgeService knowledge,
    IFullTextIndex index,
    TimeProvider clock)
{
    public const string SearchKind = "answer";

    /// <summary>The list shows at most 200 answers; the newest this many that match are plenty to choose them from.</summary>
    private const int MaxMatches = SearchService.CountCap;

    public Task PublishAsync(Actor actor, int id, PublishInput input, CancellationToken ct = default) =>
        triage.TransitionAsync(actor, id, QuestionAction.Publish, null, async (q, db) =>
        {
            RequirePublisher(actor, q, "publish this answer");
            if (!q.MayPublish)
                throw new ConflictException("The asker did not allow publication. Close the question unpublished instead.");
            var themes = input.Themes.Distinct().ToList();
            var networks = input.NetworkSlugs.Distinct().ToList();
            var validator = new Validator()
                .Required("publicQuestion", input.PublicQuestion, "The question as published", Question.BodyMax)
                .Themes("themes", themes)
                .Check(themes.Count <= 8, "themes", "Choose at most eight themes.")
                .Check(networks.All(Common.Slug.IsValid), "networks", "Network tags must be network slugs.");
            // Name and email may appear nowhere; the city or organisation not in the asker's own words
            // (an answer may well cite that city's practice without pointing at the asker).
            var everything = new[] { q.Title, input.PublicQuestion, q.Answer, q.AnswerSummary };
            var personal = new[] { q.AskerName, q.AskerEmail }.Where(p => p.Trim().Length >= 3).Select(p => p.Trim());
            validator.Check(!personal.Any(p => everything.Any(t => Mentions(t, p))), "publicQuestion",
                "The public entry mentions the asker's name or email. Remove it from the question and the answer before publishing.");
            var place = q.AskerPlace.Trim();
            validator.Check(place.Length < 3 || (!Mentions(q.Title, place) && !Mentions(input.PublicQuestion, place)), "publicQuestion",
                "The question as published mentions the asker's city or organisation. Rephrase it before publishing.");
            validator.ThrowIfInvalid();

            q.PublicBody = input.PublicQuestion.Trim();
            q.Themes = string.Join(' ', themes);
            q.Networks = string.Join(' ', networks);
            q.PublishedAt = clock.GetUtcNow().UtcDateTime;
            q.Slug ??= await UniqueSlugAsync(db, q, ct);
            var url = $"/answers/{q.Slug}";
            await db.IndexAsync(new SearchDocument(SearchKind, q.Id.ToString(), url, q.Title, q.AnswerSummary,
                q.PublicBody + "\n\n" + Markdown.ToPlainText(q.Answer), themes), clock, ct);
            await db.SetNetworkTagsAsync(SearchKind, q.Id.ToString(), q.Title, url, isPublic: true, networks, ct);
            return url;
        }, ct);

    /// <summary>Closes an answered question without publishing it, or takes a published answer down.</summary>
    public Task CloseUnpublishedAsync(Actor actor, int id, CancellationToken ct = default) =>
        triage.TransitionAsync(actor, id, QuestionAction.CloseUnpublished, null, async (q, db) =>
        {
            RequirePublisher(actor, q, "close this question");
            if (q.State == QuestionState.Published)
            {
                await db.RemoveFromSearchAsync(SearchKind, q.Id.ToString(), ct: ct);
                await db.SetNetworkTagsAsync(SearchKind, q.Id.ToString(), q.Title, $"/answers/{q.Slug}", isPublic: true, [], ct);
                return "taken down from /answers";
            }
            return "";
        }, ct);

    public async Task<IReadOnlyList<AnswerListItem>> ListAsync(string? search, string? topic, string? theme, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Questions.AsNoTracking().Where(q => q.State == QuestionState.Published);
        if (!string.IsNullOrEmpty(topic)) query = query.Where(q => q.Topic == topic);
        if (!string.IsNullOrEmpty(theme)) query = query.Where(q => (" " + q.Themes + " ").Contains(" " + theme + " "));
        if (FullTextQuery.From(search, kind: SearchKind) is { } words)
        {
            var keys = (await index.MatchesAsync(db, words, SearchAudience.AnyLayer, MaxMatches, withText: false, ct)).Select(m => m.Key).ToList();
            query = query.Where(q => keys.Contains(q.Id.ToString()));
        }
        var rows = await query.OrderByDescending(q => q.PublishedAt).Take(200)
            .Select(q => new { q.Slug, q.Title, q.AnswerSummary, q.Topic, q.Themes, q.PublishedAt }).ToListAsync(ct);
        return rows.Select(q => new AnswerListItem(q.Slug!, q.Title, q.AnswerSummary, QuestionTopics.LabelOf(q.Topic),
            SplitThemes(q.Themes), q.PublishedAt!.Value)).ToList();
    }

    public async Task<PublishedAnswer?> GetAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only the public columns are selected: the asker's fields are never even read for this view.
        var q = await db.Questions.AsNoTracking()
            .Where(x => x.Slug == slug && x.State == QuestionState.Published)
            .Select(x => new { x.Slug, x.Title, x.PublicBody, x.AnswerSummary, x.Answer, x.AnswerLinks, x.Topic, x.Themes, x.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return q is null ? null
            : new PublishedAnswer(q.Slug!, q.Title, q.PublicBody, q.AnswerSummary, Markdown.ToHtml(q.Answer), AnswerLinks.Parse(q.AnswerLinks),
                q.Topic, QuestionTopics.LabelOf(q.Topic), SplitThemes(q.Themes), q.PublishedAt!.Value);
    }

    /// <summary>
    /// Starts a Knowledge Centre draft from a published answer and returns its slug; asking again
    /// returns the same draft. The Knowledge feature decides who may add items.
    /// </summary>
    public async Task<string> PromoteToKnowledgeAsync(Actor actor, int id, CancellationToken ct = default) =>
        await knowledge.CreateDraftFromSourceAsync(actor, await GetKnowledgeSourceAsync(actor, id, ct), ct);

    /// <summary>A published answer as a Knowledge Centre item takes it in: question and answer, never the asker.</summary>
    public async Task<KnowledgeSource> GetKnowledgeSourceAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "turn answers into knowledge items");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new { x.State, x.Slug, x.Title, x.PublicBody, x.AnswerSummary, x.Answer, x.AnswerLinks, x.Themes })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The question");
        if (q.State != QuestionState.Published)
            throw new ConflictException("Only a published answer can become a Knowledge Centre item.");
        var body = $"**The question**\n\n{q.PublicBody}\n\n**The answer**\n\n{q.Answer}";
        var links = AnswerLinks.Parse(q.AnswerLinks).Select(url => new KnowledgeLinkInput(url, url)).ToList();
        return new KnowledgeSource(q.Title, q.AnswerSummary, body, SplitThemes(q.Themes), links, SearchKind, id.ToString(), $"/answers/{q.Slug}");
    }

    private static void RequirePublisher(Actor actor, Question q, string what)
    {
        var isAnswerer = q.AnsweredById is not null && q.AnsweredById == actor.UserId;
        actor.Require(actor.CanCoordinate || isAnswerer, what);
    }

    private static async Task<string> UniqueSlugAsync(HrcDbContext db, Question q, CancellationToken ct)
    {
        var slug = Common.Slug.From(q.Title);
        if (slug.Length == 0) slug = "answer";
        if (slug.Length > 70) slug = slug[..70].Trim('-');
        return await db.Questions.AnyAsync(x => x.Slug == slug && x.Id != q.Id, ct) ? $"{slug}-{q.Id}" : slug;
    }

    private static bool Mentions(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> SplitThemes(string themes) => themes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
