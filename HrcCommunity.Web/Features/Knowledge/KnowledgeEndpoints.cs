using System.Text.Json.Serialization;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Web.Features.Knowledge;

/// <summary>Attachment downloads and the read-only JSON API; both apply the same layer rules as the pages.</summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/knowledge/{slug}/attachments/{id:int}", async (string slug, int id, HttpContext context,
            KnowledgeAttachmentService attachments, CancellationToken ct) =>
        {
            var file = await attachments.OpenAsync(context.User.ToActor(), slug, id, ct);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.PhysicalPath, file.ContentType, file.FileName);
        });

        var api = app.MapGroup("/api/knowledge");
        api.MapGet("", async (HttpContext context, KnowledgeService knowledge, int? page, int? pageSize, string? section, string? theme,
            CancellationToken ct) =>
        {
            var result = await knowledge.ListAsync(context.User.ToActor(), KnowledgeSections.FromCode(section), theme,
                page ?? 1, pageSize ?? 20, ct);
            return Results.Ok(new KnowledgeListResponse(result.Page, result.PageSize, result.Total, result.PageCount,
                result.Items.Select(i => new KnowledgeSummaryResponse(i.Slug, i.Title, KnowledgeSections.Code(i.Section), i.Summary,
                    i.Themes, i.PractitionersOnly, KnowledgeService.UrlOf(i.Slug), i.PublishedAt)).ToList()));
        });
        api.MapGet("/{slug}", async (string slug, HttpContext context, KnowledgeService knowledge, CancellationToken ct) =>
        {
            var item = await knowledge.GetAsync(context.User.ToActor(), slug, ct);
            if (item is null || item.Status != KnowledgeStatus.Published) return Results.NotFound();
            return Results.Ok(new KnowledgeItemResponse(item.Slug, item.Title, KnowledgeSections.Code(item.Section), item.Summary,
                item.Body, item.PractitionerBody, item.HasHiddenPart, item.Themes,
                item.Links.Select(l => new LinkResponse(l.Title, l.Url)).ToList(),
                item.Attachments.Select(a => new AttachmentResponse(a.FileName, a.ContentType, a.Size, a.IsPublic, a.Url)).ToList(),
                item.AuthorName, KnowledgeService.UrlOf(item.Slug), item.PublishedAt, item.UpdatedAt));
        });
        return app;
    }
}

public sealed record KnowledgeListResponse(int Page, int PageSize, int Total, int PageCount, IReadOnlyList<KnowledgeSummaryResponse> Items);

public sealed record KnowledgeSummaryResponse(string Slug, string Title, string Section, string Summary, IReadOnlyList<string> Themes,
    bool PractitionersOnly, string Url, DateTime? PublishedAt);

public sealed record KnowledgeItemResponse(
    string Slug, string Title, string Section, string Summary, string Body,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PractitionerBody,
    bool MoreForPractitioners, IReadOnlyList<string> Themes, IReadOnlyList<LinkResponse> Links,
    IReadOnlyList<AttachmentResponse> Attachments, string Author, string Url, DateTime? PublishedAt, DateTime UpdatedAt);

public sealed record LinkResponse(string Title, string Url);

public sealed record AttachmentResponse(string FileName, string ContentType, long Size, bool IsPublic, string Url);
