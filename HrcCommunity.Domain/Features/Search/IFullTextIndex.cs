using HrcCommunity.Domain.Data;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>Which layers a search may match: see <see cref="SearchService"/> for how practitioners see each record once.</summary>
public enum SearchAudience
{
    Public,
    Practitioners,
    /// <summary>Every entry, whatever its layer: for lists that apply their own visibility rules.</summary>
    AnyLayer,
}

/// <summary>
/// What to look for: every term must match (in any indexed text, or only the title), the last one as a prefix when
/// asked; optionally only one kind of record and one theme. Terms are words as <see cref="FtsQuery.Terms"/> cuts them.
/// </summary>
public sealed record FullTextQuery(IReadOnlyList<string> Terms, bool PrefixLastTerm = false, bool TitleOnly = false,
    string? Kind = null, string? Theme = null)
{
    /// <summary>Null when the text holds no searchable word.</summary>
    public static FullTextQuery? From(string? text, string? kind = null, string? theme = null, bool prefixLastTerm = false, bool titleOnly = false) =>
        FtsQuery.Terms(text) is { Count: > 0 } terms ? new FullTextQuery(terms, prefixLastTerm, titleOnly, kind, theme) : null;
}

/// <summary>A matching entry; its title and summary are empty unless asked for (what the ranking reads).</summary>
public sealed record FullTextMatch(long Id, string Kind, string Key, string Title, string Summary);

/// <summary>One entry to show, with excerpts of its body and summary in which the matched words are marked.</summary>
public sealed record FullTextHit(string Kind, string Key, string Url, string Title, string Themes, ContentLayer Layer,
    DateTime UpdatedAt, string BodyExcerpt, string SummaryExcerpt);

/// <summary>
/// The full-text index over <see cref="SearchEntry"/>: FTS5 on SQLite, a weighted tsvector with a GIN index on
/// PostgreSQL. Both tokenize alike (letters and digits, case and diacritics folded), so a query matches the same
/// entries on either; the order of results is decided above this interface (<see cref="SearchRanking"/>), newest
/// first among the candidates it returns, so both providers rank alike too.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>The newest matches first, at most <paramref name="limit"/>; title and summary only <paramref name="withText"/>.</summary>
    Task<IReadOnlyList<FullTextMatch>> MatchesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience, int limit,
        bool withText, CancellationToken ct);

    /// <summary>The entry with its excerpts, or null when it no longer matches.</summary>
    Task<FullTextHit?> HitAsync(HrcDbContext db, FullTextQuery query, long id, CancellationToken ct);

    /// <summary>The newest entries whose titles match, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SearchSuggestion>> TitlesAsync(HrcDbContext db, FullTextQuery query, SearchAudience audience, int limit,
        CancellationToken ct);
}
