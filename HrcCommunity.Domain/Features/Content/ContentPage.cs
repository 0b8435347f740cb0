namespace HrcCommunity.Domain.Features.Content;

/// <summary>An editable page of the public hub (home, about, how we work, …), written in Markdown.</summary>
public sealed class ContentPage
{
    public const int TitleMax = 150;
    public const int SummaryMax = 400;
    public const int BodyMax = 40_000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    /// <summary>Concurrency token: two coordinators saving one page cannot overwrite each other.</summary>
    public int Version { get; set; }
    public List<ContentPageRevision> Revisions { get; set; } = [];
}

public sealed class ContentPageRevision
{
    public long Id { get; set; }
    public int ContentPageId { get; set; }
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string ChangedById { get; set; } = "";
    public string ChangedByName { get; set; } = "";
}
