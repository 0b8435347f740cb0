using System.Data.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>
/// The index as an external-content FTS5 table, <c>search_fts</c>, kept in step with the entries by triggers (see
/// Data/Migrations/SearchIndex.cs). Queries are FTS5 MATCH expressions built by <see cref="FtsQuery"/>.
/// </summary>
public sealed class SqliteFullTextIndex : IFullTextIndex
{
    private const string SnippetArgs = "char(57344), char(57345), '…', 24";

    // CROSS JOIN keeps the full-text match as the outer loop (SQLite otherwise may scan the entries and
    // probe the index per row), and the covering index checks each match without reading its body.
    private const string Matches = $"FROM search_fts CROSS JOIN \"SearchEntries\" e INDEXED BY {HrcDbContext.SearchMatchIndex} ON e.\"Id\" = search_fts.rowid ";

    public async Task<IReadOnlyList<FullTextMatch>> MatchesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience,
        int limit, bool withText, CancellationToken ct)
    {
        var text = withText ? "e.\"Title\", e.\"Summary\"" : "'', ''";
        await using var command = await CommandAsync(db,
            $"SELECT e.\"Id\", e.\"Kind\", e.\"Key\", {text} {Matches}WHERE search_fts MATCH @match AND {SearchLayers.Condition(audience)} " +
            $"ORDER BY search_fts.rowid DESC LIMIT {limit}", Match(query), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var matches = new List<FullTextMatch>();
        while (await reader.ReadAsync(ct))
            matches.Add(new FullTextMatch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return matches;
    }

    public async Task<FullTextHit?> HitAsync(HrcDbContext db, FullTextQuery query, long id, CancellationToken ct)
    {
        // One statement per hit: FTS5 seeks a single rowid directly, while "rowid IN (…)" walks every match.
        await using var command = await CommandAsync(db,
            "SELECT e.\"Kind\", e.\"Key\", e.\"Url\", e.\"Title\", e.\"Themes\", e.\"Layer\", e.\"UpdatedAt\", " +
            $"snippet(search_fts, 2, {SnippetArgs}), snippet(search_fts, 1, {SnippetArgs}) " +
            "FROM search_fts CROSS JOIN \"SearchEntries\" e ON e.\"Id\" = search_fts.rowid " +
            "WHERE search_fts MATCH @match AND search_fts.rowid = @id", Match(query), ct);
        SearchLayers.Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new FullTextHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            (ContentLayer)reader.GetInt32(5), reader.GetDateTime(6), reader.GetString(7), reader.GetString(8));
    }

    public async Task<IReadOnlyList<SearchSuggestion>> TitlesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience,
        int limit, CancellationToken ct)
    {
        await using var command = await CommandAsync(db,
            "SELECT e.\"Kind\", e.\"Title\", e.\"Url\" FROM search_fts CROSS JOIN \"SearchEntries\" e ON e.\"Id\" = search_fts.rowid " +
            $"WHERE search_fts MATCH @match AND {SearchLayers.Condition(audience)} ORDER BY search_fts.rowid DESC LIMIT {limit}",
            Match(query with { TitleOnly = true }), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var titles = new List<SearchSuggestion>();
        while (await reader.ReadAsync(ct))
            titles.Add(new SearchSuggestion(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return titles;
    }

    /// <summary>The FTS5 MATCH expression: the words (in the title only when asked), then the kind and theme tokens.</summary>
    internal static string Match(FullTextQuery query)
    {
        var match = FtsQuery.Build(string.Join(' ', query.Terms), query.PrefixLastTerm, query.TitleOnly ? "Title" : null)!;
        if (query.Theme is not null) match += $" AND {FtsQuery.ThemeFilter(query.Theme)}";
        if (query.Kind is not null) match += $" AND {FtsQuery.KindFilter(query.Kind)}";
        return match;
    }

    private static async Task<DbCommand> CommandAsync(HrcDbContext db, string sql, string match, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        SearchLayers.Add(command, "@match", match);
        return command;
    }
}
