namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>The sections of the Excellence Knowledge Centre, as the network organises it.</summary>
public enum KnowledgeSection
{
    HumanRightsFramework = 0,
    PublicationsAndResources = 1,
    InstitutionsAndResources = 2,
    ThematicIssues = 3,
    OtherIssues = 4,
}

public enum KnowledgeStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
}

/// <summary>
/// One item of the Knowledge Centre. It holds two layers: the public part (title, summary, body) and
/// an optional practitioners-only body; or the whole item may be practitioners-only.
/// </summary>
public sealed class KnowledgeItem
{
    public const int TitleMax = 150;
    public const int SummaryMax = 600;
    public const int BodyMax = 40_000;
    public const int MaxLinks = 20;
    public const int MaxThemes = 12;
    public const int MaxNetworks = 10;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public KnowledgeSection Section { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string PractitionerBody { get; set; } = "";
    public bool PractitionersOnly { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<string> NetworkSlugs { get; set; } = [];
    /// <summary>Title and address pairs, stored as JSON; validated as http(s) on the way in.</summary>
    public string LinksJson { get; set; } = "[]";
    public KnowledgeStatus Status { get; set; }
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>Where a promoted item came from (a practice, an expert answer), so it can link back.</summary>
    public string? SourceKind { get; set; }
    public string? SourceKey { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>Concurrency token: two editors saving one item cannot overwrite each other.</summary>
    public int Version { get; set; }
    public List<KnowledgeRevision> Revisions { get; set; } = [];
    public List<KnowledgeAttachment> Attachments { get; set; } = [];
}

/// <summary>Who changed what and when; one row per saved change or status move.</summary>
public sealed class KnowledgeRevision
{
    public long Id { get; set; }
    public int KnowledgeItemId { get; set; }
    public int Version { get; set; }
    public string Change { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string ChangedById { get; set; } = "";
    public string ChangedByName { get; set; } = "";
}

/// <summary>A file stored under the data folder with a generated name; downloaded only through the authorising endpoint.</summary>
public sealed class KnowledgeAttachment
{
    public const int FileNameMax = 200;

    public int Id { get; set; }
    public int KnowledgeItemId { get; set; }
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public bool IsPublic { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedByName { get; set; } = "";
}
