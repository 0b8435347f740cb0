namespace HrcCommunity.Domain.Features.News;

/// <summary>A monitoring post on trends and developments in the human rights cities field.</summary>
public sealed class NewsPost
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int BodyMax = 40_000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Theme codes separated by spaces.</summary>
    public string Themes { get; set; } = "";
    /// <summary>Null while the post is a draft.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>Concurrency token: two coordinators saving one post cannot overwrite each other.</summary>
    public int Version { get; set; }
}
