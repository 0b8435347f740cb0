namespace HrcCommunity.Domain.Features.Knowledge;

public enum PracticeStatus
{
    InReview = 0,
    ChangesRequested = 1,
    Published = 2,
    Rejected = 3,
}

/// <summary>A city's practice shared by a practitioner; the contact is for practitioners only.</summary>
public sealed class Practice
{
    public const int TitleMax = 150;
    public const int ShortMax = 100;
    public const int TextMax = 8_000;
    public const int ContactMax = 300;
    public const int NoteMax = 1_000;
    public const int CommentMax = 2_000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string City { get; set; } = "";
    public string Period { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Approach { get; set; } = "";
    public string Results { get; set; } = "";
    public string Lessons { get; set; } = "";
    public string Contact { get; set; } = "";
    public string LinksJson { get; set; } = "[]";
    public List<string> Themes { get; set; } = [];
    public List<string> NetworkSlugs { get; set; } = [];
    public PracticeStatus Status { get; set; }
    /// <summary>The coordinator's last request for changes or reason for rejection, shown to the submitter.</summary>
    public string? ReviewNote { get; set; }
    public string SubmitterId { get; set; } = "";
    public string SubmitterName { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PromotedToSlug { get; set; }
    public int Version { get; set; }
    public List<PracticeComment> Comments { get; set; } = [];
}

public sealed class PracticeComment
{
    public long Id { get; set; }
    public int PracticeId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One practitioner found a practice useful; unique per practice and person.</summary>
public sealed class PracticeUsefulMark
{
    public long Id { get; set; }
    public int PracticeId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
