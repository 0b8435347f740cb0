using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Web.Features.Accounts;
using Microsoft.Net.Http.Headers;

namespace HrcCommunity.Web.Features.Networks;

/// <summary>The directory as open data: JSON with ETags, and CSV. Contacts follow the same layer rule as the page.</summary>
public static class NetworkEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/networks", async (HttpContext http, NetworkDirectoryService directory, CancellationToken ct) =>
        {
            var result = await directory.SearchAsync(http.User.ToActor(), NetworkQueryString.Parse(http.Request.Query), ct);
            return JsonWithETag(http, result);
        });

        app.MapGet("/api/networks/{slug}", async (string slug, HttpContext http, NetworkDirectoryService directory, CancellationToken ct) =>
        {
            var view = await directory.GetAsync(http.User.ToActor(), slug, ct);
            return view is null
                ? Results.Problem(title: "The directory entry was not found.", statusCode: StatusCodes.Status404NotFound)
                : JsonWithETag(http, view);
        });

        app.MapGet("/directory/export.csv", async (HttpContext http, NetworkCsvService csv, CancellationToken ct) =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"city-networks.csv\"";
            http.Response.Headers.CacheControl = "private, no-cache";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
            await csv.WriteAsync(http.User.ToActor(), NetworkQueryString.Parse(http.Request.Query) with { Page = 1 }, writer, ct);
        });

        return app;
    }

    /// <summary>
    /// The ETag is a hash of the exact body, so it differs between the public and practitioners' views
    /// and changes with any edit; Vary: Cookie keeps shared caches from mixing the two layers.
    /// </summary>
    private static IResult JsonWithETag<T>(HttpContext http, T value)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(body))[..32]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = HeaderNames.Cookie;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => t.Trim() == etag || t.Trim() == "W/" + etag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }
}
