using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Web.Features.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        // The same service and layer rules as the page: an anonymous caller only ever sees public entries.
        app.MapGet("/api/search", async (HttpContext context, SearchResultsCache search, string? q, string? kind, string? theme, int? page, CancellationToken ct) =>
        {
            var results = await search.SearchAsync(context.User.ToActor(), new SearchRequest(q, kind, theme, page ?? 1), ct);
            return Results.Ok(new SearchResponse(
                results.Query, results.Kind, results.Theme, results.NothingToSearch, results.Total, results.TotalIsAtLeast, results.Page, results.PageCount,
                results.Facets.Select(f => new FacetResponse(f.Kind, f.Count)).ToList(),
                results.Hits.Select(h => new HitResponse(h.Kind, h.Key, h.Url, h.Title, h.Snippet.PlainText, h.Snippet.ToHtml(), h.Themes,
                    h.Layer == ContentLayer.Practitioners ? "practitioners" : "public", h.UpdatedAt)).ToList()));
        });

        app.MapGet("/api/search/suggestions", async (HttpContext context, SearchService search, string? q, CancellationToken ct) =>
            Results.Ok(await search.SuggestAsync(context.User.ToActor(), q, ct)));

        app.MapGet("/feed.atom", AtomFeed.WriteAsync);
        return app;
    }

    /// <summary><c>TotalIsAtLeast</c>: counting stopped at a cap, so Total and the facet counts are lower bounds.</summary>
    public sealed record SearchResponse(string Query, string? Kind, string? Theme, bool NothingToSearch, int Total, bool TotalIsAtLeast, int Page, int PageCount,
        IReadOnlyList<FacetResponse> Facets, IReadOnlyList<HitResponse> Hits);

    public sealed record FacetResponse(string Kind, int Count);

    /// <param name="SnippetHtml">The excerpt HTML-escaped, with only the matches wrapped in &lt;mark&gt;.</param>
    public sealed record HitResponse(string Kind, string Key, string Url, string Title, string Snippet, string SnippetHtml,
        IReadOnlyList<string> Themes, string Layer, DateTime UpdatedAt);
}
