using System.Net;
using HrcCommunity.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace HrcCommunity.Web.Hosting;

public static class TooManyRequestsPage
{
    public static async ValueTask WriteAsync(HttpContext context, CancellationToken ct)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(text["TooManyTitle"]);
        var body = WebUtility.HtmlEncode(text["TooManyBody"]);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · HrcCommunity</title>" +
            "<link rel=\"stylesheet\" href=\"/assets/site.css\"></head>" +
            $"<body><main id=\"main\"><h1>{title}</h1><p>{body}</p><p><a href=\"/\">HrcCommunity</a></p></main></body></html>", ct);
    }
}
