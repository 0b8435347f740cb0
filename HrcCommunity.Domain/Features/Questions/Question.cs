namespace HrcCommunity.Domain.Features.Questions;

public enum QuestionState
{
    New = 0,
    Claimed = 1,
    Answered = 2,
    Published = 3,
    ClosedUnpublished = 4,
    RejectedAsSpam = 5,
}

/// <summary>
/// A question asked by anyone, followed through triage to an answer. The asker's identity is kept
/// for the reply email and, unless they opted out, for the experts; it never leaves through public views.
/// </summary>
public sealed class Question
{
    public const int TitleMax = 200;
    public const int BodyMax = 8_000;
    public const int NameMax = 100;
    public const int PlaceMax = 150;
    public const int AnswerMax = 20_000;
    public const int SummaryMax = 500;
    public const int LinksMax = 10;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Topic { get; set; } = "";
    /// <summary>Theme codes from the ThemeCatalog, separated by spaces.</summary>
    public string Themes { get; set; } = "";

    public string AskerName { get; set; } = "";
    public string AskerEmail { get; set; } = "";
    public string AskerPlace { get; set; } = "";
    public string? AskerUserId { get; set; }
    public bool AnonymousToExperts { get; set; }
    public bool MayPublish { get; set; }

    /// <summary>With the server's key, re-creates the status link's token for the answer email (see StatusLinks).</summary>
    public string StatusSalt { get; set; } = "";
    /// <summary>SHA-256 of the private status link's token; the token itself is never stored.</summary>
    public string StatusTokenHash { get; set; } = "";
    public string EmailHash { get; set; } = "";
    public string IpHash { get; set; } = "";

    public QuestionState State { get; set; }
    public string? HolderId { get; set; }
    public string? HolderName { get; set; }
    public string? AnsweredById { get; set; }
    public string? AnsweredByName { get; set; }

    public DateTime AskedAt { get; set; }
    public DateTime? FirstClaimedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string Answer { get; set; } = "";
    public string AnswerSummary { get; set; } = "";
    /// <summary>Further reading, one absolute http(s) address per line.</summary>
    public string AnswerLinks { get; set; } = "";
    public string? Slug { get; set; }
    /// <summary>The question as the public entry shows it, edited by the publisher to leave out anything personal.</summary>
    public string PublicBody { get; set; } = "";
    /// <summary>Network slugs the published answer is tagged with, separated by spaces.</summary>
    public string Networks { get; set; } = "";

    /// <summary>Concurrency token: two experts editing one answer draft cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<QuestionNote> Notes { get; set; } = [];
    public List<QuestionLogEntry> Log { get; set; } = [];
}

/// <summary>An internal note on a question: experts only, never shown to the asker or the public.</summary>
public sealed class QuestionNote
{
    public long Id { get; set; }
    public int QuestionId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public const int TextMax = 2_000;
}

/// <summary>The moderation log: one row per state change or reassignment, with who made it.</summary>
public sealed class QuestionLogEntry
{
    public long Id { get; set; }
    public int QuestionId { get; set; }
    public QuestionAction Action { get; set; }
    public QuestionState FromState { get; set; }
    public QuestionState ToState { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A reusable answer opening or paragraph that experts insert and Coordinators maintain.</summary>
public sealed class CannedReply
{
    public const int TitleMax = 100;
    public const int BodyMax = 4_000;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
