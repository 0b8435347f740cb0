using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Search;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HrcCommunity.Web.Features.Search;

/// <summary>
/// Atom 1.0 feed of the newest public news, practices and knowledge items, read from the public
/// layer of the search index only, so a practitioners-only record can never appear in it.
/// </summary>
public static class AtomFeed
{
    public const int EntryCount = 50;
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static async Task WriteAsync(HttpContext context, SearchService search, IOptions<EmailOptions> email, CancellationToken ct)
    {
        var entries = await search.LatestPublicAsync(SearchKinds.Feed, EntryCount, ct);
        var lastModified = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedAt);
        var etag = new EntityTagHeaderValue($"\"{Fingerprint(entries)}\"");
        var response = context.Response;
        var typed = response.GetTypedHeaders();
        typed.ETag = etag;
        typed.LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond));
        typed.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };

        if (IsNotModified(context.Request, etag, typed.LastModified.Value))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        // Shared caches keep this response for everyone: its links come from configuration, never from the Host
        // header of whichever request filled the cache.
        var baseUrl = email.Value.PublicBaseUrl.TrimEnd('/');
        response.ContentType = "application/atom+xml; charset=utf-8";
        // Fifty entries fit in memory; writing there keeps Kestrel's no-synchronous-IO rule out of the XML code.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            Write(writer, entries, baseUrl, lastModified);
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }

    private static void Write(XmlWriter writer, IReadOnlyList<FeedEntry> entries, string baseUrl, DateTime lastModified)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("feed", AtomNamespace);
        writer.WriteElementString("title", AtomNamespace, "HrcCommunity: news, practices and knowledge");
        writer.WriteElementString("subtitle", AtomNamespace, "What the Human Rights Cities Network publishes for everyone.");
        writer.WriteElementString("id", AtomNamespace, baseUrl + "/feed.atom");
        writer.WriteElementString("updated", AtomNamespace, Rfc3339(lastModified));
        Link(writer, baseUrl + "/feed.atom", "self", "application/atom+xml");
        Link(writer, baseUrl + "/news", "alternate", "text/html");
        writer.WriteStartElement("author", AtomNamespace);
        writer.WriteElementString("name", AtomNamespace, "Human Rights Cities Network");
        writer.WriteEndElement();
        foreach (var entry in entries)
        {
            var url = baseUrl + (entry.Url.StartsWith('/') ? entry.Url : "/" + entry.Url);
            writer.WriteStartElement("entry", AtomNamespace);
            writer.WriteElementString("title", AtomNamespace, entry.Title);
            writer.WriteElementString("id", AtomNamespace, url);
            Link(writer, url, "alternate", "text/html");
            writer.WriteElementString("updated", AtomNamespace, Rfc3339(entry.UpdatedAt));
            writer.WriteStartElement("category", AtomNamespace);
            writer.WriteAttributeString("term", entry.Kind);
            writer.WriteEndElement();
            if (!string.IsNullOrWhiteSpace(entry.Summary))
                writer.WriteElementString("summary", AtomNamespace, entry.Summary);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        return headers.IfModifiedSince is { } since && lastModified <= since;
    }

    private static void Link(XmlWriter writer, string href, string rel, string type)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Fingerprint(IReadOnlyList<FeedEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries) text.Append(e.Kind).Append('|').Append(e.Key).Append('|').Append(e.UpdatedAt.Ticks).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20].ToLowerInvariant();
    }
}
