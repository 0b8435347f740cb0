namespace HrcCommunity.Domain.Features.Search;

public sealed record SearchRequest(string? Query, string? Kind = null, string? Theme = null, int Page = 1);

public sealed record SearchHit(string Kind, string Key, string Url, string Title, SearchSnippet Snippet,
    IReadOnlyList<string> Themes, ContentLayer Layer, DateTime UpdatedAt);

public sealed record KindFacet(string Kind, int Count);

/// <summary>
/// One page of results. <see cref="NothingToSearch"/> is true when the input held no searchable
/// word (empty, only punctuation or FTS5 syntax), so the page can say so instead of showing nothing.
/// <see cref="CountsAreAtLeast"/> is true when counting stopped at <see cref="SearchService.CountCap"/>:
/// the per-kind counts are then lower bounds ("1,000+"). <see cref="TotalIsAtLeast"/> says the same of
/// <see cref="Total"/>, which with a kind filter is counted on its own and may be exact while the others are not.
/// </summary>
public sealed record SearchResults(
    string Query,
    string? Kind,
    string? Theme,
    bool NothingToSearch,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<KindFacet> Facets,
    bool CountsAreAtLeast,
    bool TotalIsAtLeast);

public sealed record SearchSuggestion(string Kind, string Title, string Url);

public sealed record FeedEntry(string Kind, string Key, string Url, string Title, string Summary, DateTime UpdatedAt);
