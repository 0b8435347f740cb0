namespace HrcCommunity.Domain.Features.Knowledge;

public sealed record PracticeInput(
    string Title, string City, string Period, string Problem, string Approach, string Results, string Lessons,
    string Contact, IReadOnlyList<string> Themes, IReadOnlyList<KnowledgeLinkInput> Links, IReadOnlyList<string> NetworkSlugs);

public sealed record PracticeCard(string Slug, string Title, string City, string Period, string Summary,
    IReadOnlyList<string> Themes, int UsefulCount, DateTime? PublishedAt);

public sealed record PracticeCommentView(string AuthorName, string Body, DateTime CreatedAt);

/// <summary>A practice as one actor may see it: the contact and the comments only for practitioners.</summary>
public sealed record PracticeView(
    string Slug, string Title, string City, string Period,
    string ProblemHtml, string ApproachHtml, string ResultsHtml, string LessonsHtml,
    string? Contact, IReadOnlyList<string> Themes, IReadOnlyList<KnowledgeLinkInput> Links,
    PracticeStatus Status, string? ReviewNote, string SubmitterName, DateTime SubmittedAt, DateTime? PublishedAt,
    int UsefulCount, bool MarkedUsefulByMe, IReadOnlyList<PracticeCommentView> Comments,
    string? PromotedToSlug, bool CanReview, bool CanTakePart, int Version);

public sealed record PracticeSubmission(string Slug, string Title, string City, PracticeStatus Status, string? ReviewNote,
    string SubmitterName, DateTime UpdatedAt, int Version);

public sealed record PracticeEditView(string Slug, PracticeInput Input, PracticeStatus Status, string? ReviewNote, int Version);

public sealed record PracticeListResult(IReadOnlyList<PracticeCard> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
