using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>
/// Full-text search over the index, layer-aware: anonymous and pending people only ever match the
/// public entries; approved practitioners match both layers and see each record once, through its
/// practitioners' entry when it has one. The layer condition is part of every statement's WHERE
/// clause, so a practitioners-only entry cannot rank, count, suggest or leak its title.
/// </summary>
public sealed class SearchService(IDbContextFactory<HrcDbContext> dbFactory, IFullTextIndex index)
{
    public const int PageSize = 20;
    public const int SuggestionCount = 8;

    /// <summary>Counts stop here, and the newest matches counted are the ones ranked: the work per query is bounded.</summary>
    public const int CountCap = 1000;

    /// <summary>Suggestions are chosen among this many of the newest titles that match.</summary>
    private const int SuggestionCandidates = 200;

    public async Task<SearchResults> SearchAsync(Actor actor, SearchRequest request, CancellationToken ct = default)
    {
        var query = request.Query?.Trim() ?? "";
        var kind = SearchKinds.IsKnown(request.Kind) ? request.Kind : null;
        var theme = request.Theme is { } t && ThemeCatalog.IsKnown(t) ? t : null;
        var words = FullTextQuery.From(query);
        if (words is null)
            return new SearchResults(Shorten(query), kind, theme, true, [], 0, 1, 0, [], false, false);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var audience = AudienceOf(actor);
        var match = words with { Theme = theme };

        // Counts per kind ignore the kind filter (so the other kinds stay one click away) but honour the theme.
        // They stop at CountCap matches: past that, "1,000+" tells a person as much as an exact figure would.
        // The newest matches counted are also the candidates for ranking, which the index yields newest first and
        // stops after: a word in nearly every entry costs the same as a rare one. For such words the best of the
        // newest matches are shown, and every rarer query is ranked over all its matches.
        var newest = await index.MatchesAsync(db, match, audience, CountCap + 1, withText: kind is null, ct);
        var facets = newest.GroupBy(m => m.Kind).Select(g => new KindFacet(g.Key, g.Count()))
            .OrderBy(f => IndexOfKind(f.Kind)).ToList();
        var capped = newest.Count > CountCap;

        // A chosen kind has its own lookup: past the cap, the newest matches of all kinds may hold none of a
        // rare kind, and this way its results and pages are all there.
        var candidates = kind is null ? newest
            : await index.MatchesAsync(db, match with { Kind = kind }, audience, CountCap + 1, withText: true, ct);
        var total = Math.Min(CountCap, candidates.Count);
        var pageCount = (total + PageSize - 1) / PageSize;
        var page = Math.Clamp(request.Page, 1, Math.Max(1, pageCount));
        if (total == 0) return new SearchResults(Shorten(query), kind, theme, false, [], 0, 1, 0, facets, false, false);

        var ranked = SearchRanking.Order(words.Terms,
            candidates.Take(CountCap).Select(m => new SearchCandidate(m.Id, m.Title, m.Summary)).ToList());
        var hits = new List<SearchHit>();
        foreach (var id in ranked.Skip((page - 1) * PageSize).Take(PageSize))
        {
            if (await index.HitAsync(db, words, id, ct) is not { } hit) continue;
            hits.Add(new SearchHit(hit.Kind, hit.Key, hit.Url, hit.Title, SearchSnippet.Parse(BestSnippet(hit.BodyExcerpt, hit.SummaryExcerpt)),
                hit.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries), hit.Layer, hit.UpdatedAt));
        }
        return new SearchResults(Shorten(query), kind, theme, false, hits, total, page, pageCount, facets, capped,
            candidates.Count > CountCap);
    }

    /// <summary>
    /// Titles holding what was typed (every word, the last as a prefix): the shortest first, as the closest
    /// to what was typed, then the newest.
    /// </summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        var match = FullTextQuery.From(text, prefixLastTerm: true, titleOnly: true);
        if (match is null || text!.Trim().Length < 2) return [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suggestions = await index.TitlesAsync(db, match, AudienceOf(actor), SuggestionCandidates, ct);
        // The list is newest first, and a stable sort keeps that order among titles of one length.
        return suggestions.OrderBy(s => s.Title.Length).Take(SuggestionCount).ToList();
    }

    /// <summary>The newest public entries of the given kinds: what the Atom feed publishes.</summary>
    public async Task<IReadOnlyList<FeedEntry>> LatestPublicAsync(IReadOnlyList<string> kinds, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SearchEntries.AsNoTracking()
            .Where(e => e.Layer == ContentLayer.Public && kinds.Contains(e.Kind))
            .OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id)
            .Take(count)
            .Select(e => new FeedEntry(e.Kind, e.Key, e.Url, e.Title, e.Summary, e.UpdatedAt))
            .ToListAsync(ct);
    }

    private static SearchAudience AudienceOf(Actor actor) =>
        actor.CanSeePractitionerLayer ? SearchAudience.Practitioners : SearchAudience.Public;

    /// <summary>The body's excerpt when the match is there, else the summary's, else the start of the body.</summary>
    private static string BestSnippet(string body, string summary)
    {
        if (body.Contains(SearchSnippet.Open)) return body;
        if (summary.Length > 0) return summary;
        return body;
    }

    private static int IndexOfKind(string kind)
    {
        for (var i = 0; i < SearchKinds.All.Count; i++)
            if (SearchKinds.All[i] == kind) return i;
        return SearchKinds.All.Count;
    }

    private static string Shorten(string query) => query.Length > FtsQuery.MaxInputLength ? query[..FtsQuery.MaxInputLength] : query;
}
