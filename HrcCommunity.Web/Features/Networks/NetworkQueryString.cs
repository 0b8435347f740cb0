using System.Text;
using HrcCommunity.Domain.Features.Networks;
using Microsoft.Extensions.Primitives;

namespace HrcCommunity.Web.Features.Networks;

/// <summary>
/// A directory view as a URL and back: the page, the API and the CSV export read the same parameters,
/// so any filtered view can be shared, bookmarked or downloaded.
/// </summary>
public static class NetworkQueryString
{
    public static NetworkQuery Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        string[] Many(string key) => values.TryGetValue(key, out var v) ? v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToArray() : [];
        string? One(string key) => values.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v[0] : null;
        int Int(string key, int fallback) => int.TryParse(One(key), out var n) ? n : fallback;
        return new NetworkQuery(One("q"), Many("theme"), Many("region"), Many("size"), Many("model"), One("sort"),
            Int("page", 1), Int("pageSize", NetworkQuery.DefaultPageSize));
    }

    /// <summary>The query string (with a leading "?", or empty) for a view; page 1 and the default sort are left out.</summary>
    public static string Build(NetworkQuery query, bool includePage = true)
    {
        var parts = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrWhiteSpace(query.Q)) parts.Add(new("q", query.Q.Trim()));
        foreach (var v in query.Themes ?? []) parts.Add(new("theme", v));
        foreach (var v in query.Regions ?? []) parts.Add(new("region", v));
        foreach (var v in query.Sizes ?? []) parts.Add(new("size", v));
        foreach (var v in query.Models ?? []) parts.Add(new("model", v));
        if (!string.IsNullOrEmpty(query.Sort)) parts.Add(new("sort", query.Sort));
        if (includePage && query.Page > 1) parts.Add(new("page", query.Page.ToString()));
        if (query.PageSize != NetworkQuery.DefaultPageSize) parts.Add(new("pageSize", query.PageSize.ToString()));
        if (parts.Count == 0) return "";
        var builder = new StringBuilder("?");
        builder.AppendJoin('&', parts.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return builder.ToString();
    }

    /// <summary>The same view with one facet value switched on or off, back on page 1.</summary>
    public static NetworkQuery Toggle(NetworkQuery query, string facet, string code)
    {
        static IReadOnlyList<string> Flip(IReadOnlyList<string>? list, string code) =>
            (list ?? []).Contains(code) ? (list ?? []).Where(c => c != code).ToList() : [.. list ?? [], code];
        return facet switch
        {
            "theme" => query with { Themes = Flip(query.Themes, code), Page = 1 },
            "region" => query with { Regions = Flip(query.Regions, code), Page = 1 },
            "size" => query with { Sizes = Flip(query.Sizes, code), Page = 1 },
            "model" => query with { Models = Flip(query.Models, code), Page = 1 },
            _ => query,
        };
    }
}
