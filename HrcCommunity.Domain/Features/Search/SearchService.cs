using System.Data.Common;
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
public sealed class SearchService(IDbContextFactory<HrcDbContext> dbFactory)
{
    public const int PageSize = 20;
    public const int SuggestionCount = 8;

    /// <summary>Counts stop here, and the newest matches counted are the ones ranked: the work per query is bounded.</summary>
    public const int CountCap = 1000;

    /// <summary>Suggestions are chosen among this many of the newest titles that match.</summary>
    private const int SuggestionCandidates = 200;
    private const string SnippetArgs = "char(57344), char(57345), '…', 24";

    // CROSS JOIN keeps the full-text match as the outer loop (SQLite otherwise may scan the entries and
    // probe the index per row), and the covering index checks each match without reading its body.
    private const string Matches = $"FROM search_fts CROSS JOIN SearchEntries e INDEXED BY {HrcDbContext.SearchMatchIndex} ON e.Id = search_fts.rowid ";

    public async Task<SearchResults> SearchAsync(Actor actor, SearchRequest request, CancellationToken ct = default)
    {
        var query = request.Query?.Trim() ?? "";
        var kind = SearchKinds.IsKnown(request.Kind) ? request.Kind : null;
        var theme = request.Theme is { } t && ThemeCatalog.IsKnown(t) ? t : null;
        var words = FtsQuery.Build(query);
        if (words is null)
            return new SearchResults(Shorten(query), kind, theme, true, [], 0, 1, 0, [], false, false);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var layer = LayerCondition(actor);
        var match = theme is null ? words : $"{words} AND {FtsQuery.ThemeFilter(theme)}";

        // Counts per kind ignore the kind filter (so the other kinds stay one click away) but honour the theme.
        // They stop at CountCap matches: past that, "1,000+" tells a person as much as an exact figure would.
        // The newest matches counted are also the candidates for ranking, which FTS5 yields in rowid order and
        // stops after: a word in nearly every entry costs the same as a rare one. For such words the best of the
        // newest matches are shown, and every rarer query is ranked over all its matches.
        var newest = await NewestMatchesAsync(connection, match, layer, withText: kind is null, ct);
        var facets = newest.GroupBy(m => m.Kind).Select(g => new KindFacet(g.Key, g.Count()))
            .OrderBy(f => IndexOfKind(f.Kind)).ToList();
        var capped = newest.Count > CountCap;

        // A chosen kind has its own lookup: past the cap, the newest matches of all kinds may hold none of a
        // rare kind, and this way its results and pages are all there.
        var candidates = kind is null ? newest
            : await NewestMatchesAsync(connection, $"{match} AND {FtsQuery.KindFilter(kind)}", layer, withText: true, ct);
        var total = Math.Min(CountCap, candidates.Count);
        var pageCount = (total + PageSize - 1) / PageSize;
        var page = Math.Clamp(request.Page, 1, Math.Max(1, pageCount));
        if (total == 0) return new SearchResults(Shorten(query), kind, theme, false, [], 0, 1, 0, facets, false, false);

        var ranked = SearchRanking.Order(FtsQuery.Terms(query),
            candidates.Take(CountCap).Select(m => new SearchCandidate(m.Id, m.Title, m.Summary)).ToList());
        var ids = ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList();

        // One statement per hit: FTS5 seeks a single rowid directly, while "rowid IN (…)" walks every match.
        var hits = new Dictionary<long, SearchHit>();
        await using (var command = Command(connection,
            $"SELECT e.Id, e.Kind, e.Key, e.Url, e.Title, e.Themes, e.Layer, e.UpdatedAt, " +
            $"snippet(search_fts, 2, {SnippetArgs}), snippet(search_fts, 1, {SnippetArgs}) " +
            $"FROM search_fts CROSS JOIN SearchEntries e ON e.Id = search_fts.rowid " +
            $"WHERE search_fts MATCH @match AND search_fts.rowid = @id", words))
        {
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            command.Parameters.Add(id);
            foreach (var hitId in ids)
            {
                id.Value = hitId;
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct)) continue;
                var snippet = BestSnippet(reader.GetString(8), reader.GetString(9));
                hits[hitId] = new SearchHit(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), SearchSnippet.Parse(snippet),
                    reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                    (ContentLayer)reader.GetInt32(6), reader.GetDateTime(7));
            }
        }
        var ordered = ids.Where(hits.ContainsKey).Select(id => hits[id]).ToList();
        return new SearchResults(Shorten(query), kind, theme, false, ordered, total, page, pageCount, facets, capped,
            candidates.Count > CountCap);
    }

    private sealed record Match(long Id, string Kind, string Title, string Summary);

    /// <summary>The newest matches, one more than the cap so a capped count shows; the text only when it is to be ranked.</summary>
    private static async Task<List<Match>> NewestMatchesAsync(DbConnection connection, string match, string layer,
        bool withText, CancellationToken ct)
    {
        var text = withText ? "e.Title, e.Summary" : "'', ''";
        await using var command = Command(connection,
            $"SELECT e.Id, e.Kind, {text} {Matches}WHERE search_fts MATCH @match AND {layer} " +
            $"ORDER BY search_fts.rowid DESC LIMIT {CountCap + 1}", match);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var matches = new List<Match>();
        while (await reader.ReadAsync(ct))
            matches.Add(new Match(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return matches;
    }

    /// <summary>
    /// Titles holding what was typed (every word, the last as a prefix): the shortest first, as the closest
    /// to what was typed, then the newest.
    /// </summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        var match = FtsQuery.Build(text, prefixLastTerm: true, column: "Title");
        if (match is null || text!.Trim().Length < 2) return [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = Command(db.Database.GetDbConnection(),
            $"SELECT e.Kind, e.Title, e.Url FROM search_fts CROSS JOIN SearchEntries e ON e.Id = search_fts.rowid " +
            $"WHERE search_fts MATCH @match AND {LayerCondition(actor)} ORDER BY search_fts.rowid DESC LIMIT {SuggestionCandidates}", match);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var suggestions = new List<SearchSuggestion>();
        while (await reader.ReadAsync(ct))
            suggestions.Add(new SearchSuggestion(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
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

    /// <summary>
    /// Public people match only public entries. Practitioners match both layers, but a public entry
    /// gives way when its record also has a practitioners' entry (the full text), so each record shows once.
    /// </summary>
    private static string LayerCondition(Actor actor) => actor.CanSeePractitionerLayer
        ? "(e.Layer = 1 OR NOT EXISTS (SELECT 1 FROM SearchEntries p WHERE p.Kind = e.Kind AND p.Key = e.Key AND p.Layer = 1))"
        : "e.Layer = 0";

    private static DbCommand Command(DbConnection connection, string sql, string match)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@match", match);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

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
