using System.Data.Common;
using System.Text;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>
/// The index as a generated tsvector column, <c>SearchEntries."SearchVector"</c>, with a GIN index (see
/// Data/PostgreSqlMigrations/PostgreSqlSearchIndex.cs): the title weighs A, the summary B, the body C, and the theme
/// codes and the kind token D, so a weight in the query stands for SQLite's column filter.
/// </summary>
public sealed class PostgreSqlFullTextIndex : IFullTextIndex
{
    /// <summary>The text search configuration the migration creates: simple words with diacritics removed.</summary>
    internal const string Configuration = "hrc_search";

    // As FTS5's snippet(): our private-use highlight characters and about 24 words around the first match.
    private const string HeadlineOptions = "StartSel=\uE000, StopSel=\uE001, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…";

    private const string Query = $"to_tsquery('{Configuration}', @query)";

    public async Task<IReadOnlyList<FullTextMatch>> MatchesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience,
        int limit, bool withText, CancellationToken ct)
    {
        var text = withText ? "e.\"Title\", e.\"Summary\"" : "'', ''";
        await using var command = await CommandAsync(db,
            $"SELECT e.\"Id\", e.\"Kind\", e.\"Key\", {text} FROM \"SearchEntries\" e " +
            $"WHERE e.\"SearchVector\" @@ {Query} AND {SearchLayers.Condition(audience)} ORDER BY e.\"Id\" DESC LIMIT {limit}",
            TsQuery(query), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var matches = new List<FullTextMatch>();
        while (await reader.ReadAsync(ct))
            matches.Add(new FullTextMatch(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return matches;
    }

    public async Task<FullTextHit?> HitAsync(HrcDbContext db, FullTextQuery query, long id, CancellationToken ct)
    {
        await using var command = await CommandAsync(db,
            "SELECT e.\"Kind\", e.\"Key\", e.\"Url\", e.\"Title\", e.\"Themes\", e.\"Layer\", e.\"UpdatedAt\", " +
            $"ts_headline('{Configuration}', {Guarded("Body")}, q, @options), ts_headline('{Configuration}', {Guarded("Summary")}, q, @options) " +
            $"FROM \"SearchEntries\" e CROSS JOIN {Query} AS q WHERE e.\"Id\" = @id AND e.\"SearchVector\" @@ q",
            TsQuery(query), ct);
        SearchLayers.Add(command, "@id", id);
        SearchLayers.Add(command, "@options", HeadlineOptions);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new FullTextHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            (ContentLayer)reader.GetInt32(5), reader.GetDateTime(6), Unguarded(reader.GetString(7)), Unguarded(reader.GetString(8)));
    }

    // ts_headline leaves out whatever its parser reads as an HTML tag; the excerpt must show the text as written (the
    // page escapes it), so '<' goes in as a private-use character the index never stores and comes back afterwards.
    private static string Guarded(string column) => $"replace(e.\"{column}\", '<', chr({(int)SearchSnippet.TagGuard}))";

    private static string Unguarded(string excerpt) => excerpt.Replace(SearchSnippet.TagGuard, '<');

    public async Task<IReadOnlyList<SearchSuggestion>> TitlesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience,
        int limit, CancellationToken ct)
    {
        await using var command = await CommandAsync(db,
            $"SELECT e.\"Kind\", e.\"Title\", e.\"Url\" FROM \"SearchEntries\" e WHERE e.\"SearchVector\" @@ {Query} " +
            $"AND {SearchLayers.Condition(audience)} ORDER BY e.\"Id\" DESC LIMIT {limit}", TsQuery(query with { TitleOnly = true }), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var titles = new List<SearchSuggestion>();
        while (await reader.ReadAsync(ct))
            titles.Add(new SearchSuggestion(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return titles;
    }

    /// <summary>
    /// The tsquery text: every term quoted (terms hold only letters and digits, so no quote or operator gets
    /// through), joined by AND; the title only as weight A, the kind and theme tokens as weight D. to_tsquery folds
    /// case and diacritics through the same configuration as the index.
    /// </summary>
    internal static string TsQuery(FullTextQuery query)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < query.Terms.Count; i++)
        {
            if (i > 0) builder.Append(" & ");
            builder.Append('\'').Append(query.Terms[i]).Append('\'');
            var prefix = query.PrefixLastTerm && i == query.Terms.Count - 1 && query.Terms[i].Length >= 2;
            if (prefix || query.TitleOnly) builder.Append(':').Append(prefix ? "*" : "").Append(query.TitleOnly ? "A" : "");
        }
        if (query.Theme is not null) builder.Append(" & '").Append(query.Theme.Replace("-", "")).Append("':D");
        if (query.Kind is not null) builder.Append(" & 'kind").Append(query.Kind).Append("':D");
        return builder.ToString();
    }

    private static async Task<DbCommand> CommandAsync(HrcDbContext db, string sql, string query, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        SearchLayers.Add(command, "@query", query);
        return command;
    }
}
