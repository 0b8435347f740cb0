namespace HrcCommunity.Domain.Features.Knowledge;

public sealed record KnowledgeInput(
    string Title,
    KnowledgeSection Section,
    string Summary,
    string Body,
    string PractitionerBody,
    bool PractitionersOnly,
    IReadOnlyList<string> Themes,
    IReadOnlyList<KnowledgeLinkInput> Links,
    IReadOnlyList<string> NetworkSlugs);

/// <summary>What a promoted practice or a published expert answer brings into the Knowledge Centre.</summary>
public sealed record KnowledgeSource(string Title, string Summary, string Body, IReadOnlyList<string> Themes,
    IReadOnlyList<KnowledgeLinkInput> Links, string SourceKind, string SourceKey, string SourceUrl);

public sealed record KnowledgeCard(string Slug, string Title, KnowledgeSection Section, string Summary,
    IReadOnlyList<string> Themes, bool PractitionersOnly, bool HasPractitionerPart, DateTime? PublishedAt);

public sealed record KnowledgeListResult(IReadOnlyList<KnowledgeCard> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record KnowledgeAttachmentView(int Id, string FileName, string ContentType, long Size, bool IsPublic, string Url);

/// <summary>
/// An item as one actor may see it: <see cref="PractitionerBodyHtml"/> is null and practitioners-only
/// files are absent unless the actor reads the practitioners' layer.
/// </summary>
public sealed record KnowledgeItemView(
    string Slug, string Title, KnowledgeSection Section, string Summary, string Body, string BodyHtml,
    string? PractitionerBody, string? PractitionerBodyHtml, bool HasHiddenPart, bool PractitionersOnly,
    IReadOnlyList<string> Themes, IReadOnlyList<KnowledgeLinkInput> Links, IReadOnlyList<KnowledgeAttachmentView> Attachments,
    int HiddenAttachmentCount, string AuthorName, KnowledgeStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
    string? SourceUrl, bool CanEdit);

public sealed record KnowledgeEditView(
    string Slug, KnowledgeInput Input, KnowledgeStatus Status, int Version,
    IReadOnlyList<KnowledgeAttachmentView> Attachments, IReadOnlyList<KnowledgeRevisionView> History);

public sealed record KnowledgeRevisionView(int Version, string Change, DateTime ChangedAt, string ChangedByName);

public sealed record KnowledgeQueueItem(string Slug, string Title, KnowledgeSection Section, KnowledgeStatus Status, string AuthorName, DateTime UpdatedAt);
