using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Web.Features.Privacy;

public static class PrivacyEndpoints
{
    /// <summary>The emailed archive link: it opens only for the signed-in owner; to anyone else it does not exist (404).</summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/data/{token}", async (string token, HttpContext context, PersonalDataExportService exports, CancellationToken ct) =>
        {
            var path = await exports.OpenAsync(context.User.ToActor(), token, ct);
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(path, "application/zip", "hrc-personal-data.zip");
        }).RequireAuthorization();
        return app;
    }
}
