namespace HrcCommunity.Domain.Features.Networks;

/// <summary>
/// Says that a record of another feature (a practice, a knowledge item, an event, a published
/// answer) is about an international city network, so the network's page can list it live.
/// The owning feature writes its tags in the same SaveChanges as the record.
/// </summary>
public sealed class NetworkTag
{
    public long Id { get; set; }
    public string NetworkSlug { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>Whether the tagged record is visible to the public; practitioners-only records are listed only to practitioners.</summary>
    public bool IsPublic { get; set; }
}
