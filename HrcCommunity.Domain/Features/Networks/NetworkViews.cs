namespace HrcCommunity.Domain.Features.Networks;

/// <summary>What the directory shows of an entry; Contacts is null unless the reader is an approved practitioner.</summary>
public sealed record NetworkEntry(
    string Slug, string Name, string Acronym, string Summary, string Mission, string Mandate, string KeyProjects,
    int? MemberCount, string MemberKinds, int? CountryCount, string MembershipModel, string MembershipNote,
    int? FoundedYear, string Headquarters, IReadOnlyList<string> Regions, IReadOnlyList<string> Themes,
    string Website, string Source, DateTime? LastConfirmedAt, int Version, string? Contacts);

/// <summary>Filters, sort and page of a directory view; the same on the page, the API and the export.</summary>
public sealed record NetworkQuery(
    string? Q = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<string>? Regions = null,
    IReadOnlyList<string>? Sizes = null,
    IReadOnlyList<string>? Models = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = NetworkQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public static readonly IReadOnlyList<string> SortKeys = ["relevance", "name", "members", "founded", "confirmed"];
}

public sealed record FacetValue(string Code, string Label, int Count, bool Selected);

/// <summary>A filter group; Count says how many entries match if this value is added to the other active filters.</summary>
public sealed record Facet(string Key, string Label, IReadOnlyList<FacetValue> Values);

public sealed record NetworkSearchResult(
    IReadOnlyList<NetworkEntry> Items, int Total, int Page, int PageCount, int PageSize, string Sort, IReadOnlyList<Facet> Facets);

public sealed record NetworkLink(string Slug, string Name);

public sealed record TaggedRecord(string Kind, string Title, string Url, bool IsPublic);

public sealed record NetworkHistoryLine(int Version, string Kind, IReadOnlyList<string> Fields, DateTime ChangedAt, string ChangedByName);

public sealed record NetworkPageView(
    NetworkEntry Entry, IReadOnlyList<NetworkLink> MemberCities, IReadOnlyList<TaggedRecord> Tagged, IReadOnlyList<NetworkHistoryLine> History);
