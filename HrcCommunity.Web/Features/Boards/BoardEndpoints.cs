using System.Text;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Web.Features.Accounts;
using HrcCommunity.Web.Hosting;

namespace HrcCommunity.Web.Features.Boards;

public static class BoardEndpoints
{
    /// <summary>
    /// The results as the caller may see them (Domain's rule: members of the board only; others' private notes left out
    /// before the reveal, dots left out while hidden).
    /// </summary>
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/boards/{id:int}/export.csv", async (int id, HttpContext http, BoardService boards, CancellationToken ct) =>
        {
            var results = await boards.ResultsAsync(http.User.ToActor(), id, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(results.ToCsv())).ToArray(), "text/csv; charset=utf-8",
                $"board-{id}.csv");
        }).RequireAuthorization(Policies.Practitioner);

        app.MapGet("/boards/{id:int}/export.md", async (int id, HttpContext http, BoardService boards, CancellationToken ct) =>
        {
            var results = await boards.ResultsAsync(http.User.ToActor(), id, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(Encoding.UTF8.GetBytes(results.ToMarkdown()), "text/markdown; charset=utf-8", $"board-{id}.md");
        }).RequireAuthorization(Policies.Practitioner);
        return app;
    }
}
