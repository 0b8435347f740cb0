namespace HrcCommunity.Domain.Features.Search;

public enum ContentLayer
{
    Public = 0,
    Practitioners = 1,
}

/// <summary>
/// One searchable text of one record in one layer. A record with a practitioners-only part has
/// two entries, so a public query can never match, rank on or show the private text.
/// The FTS5 table <c>search_fts</c> mirrors this table through triggers (see the migration).
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }
    /// <summary>What the record is: knowledge, practice, link, news, page, network, answer, member.</summary>
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public ContentLayer Layer { get; set; }
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Theme codes separated by spaces, for filtering.</summary>
    public string Themes { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
