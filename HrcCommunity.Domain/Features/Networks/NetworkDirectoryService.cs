using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>Finding and reading directory entries, with the practitioners' layer (contacts) left out for everyone else.</summary>
public sealed class NetworkDirectoryService(IDbContextFactory<HrcDbContext> dbFactory, IFullTextIndex index)
{
    /// <summary>
    /// The directory holds tens to a few hundred entries, so the filtered set is faceted and sorted in memory:
    /// each facet's counts need the set filtered by every other facet, which one pass over the rows gives cheaply.
    /// </summary>
    public async Task<NetworkSearchResult> SearchAsync(Actor actor, NetworkQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = await db.Networks.AsNoTracking().Where(n => n.DeletedAt == null).ToListAsync(ct);

        Dictionary<string, int>? rank = null;
        if (FullTextQuery.From(query.Q, kind: SearchKinds.Network) is { } match)
        {
            // Ranked as the site search ranks (title, then summary, then body, newest first), on either database.
            var matches = await index.MatchesAsync(db, match, SearchAudience.Public, SearchService.CountCap, withText: true, ct);
            var keyOf = matches.ToDictionary(m => m.Id, m => m.Key);
            var keys = SearchRanking.Order(match.Terms, matches.Select(m => new SearchCandidate(m.Id, m.Title, m.Summary)).ToList())
                .Select(id => keyOf[id]);
            rank = keys.Select((key, i) => (key, i)).DistinctBy(x => x.key).ToDictionary(x => x.key, x => x.i, StringComparer.Ordinal);
            networks = networks.Where(n => rank.ContainsKey(n.Slug)).ToList();
        }

        var filters = new[]
        {
            new FacetFilter("theme", "Theme", Set(query.Themes), n => NetworkVocabulary.Codes(n.Themes)),
            new FacetFilter("region", "Region", Set(query.Regions), n => NetworkVocabulary.Codes(n.Regions)),
            new FacetFilter("size", "Membership size", Set(query.Sizes), n => [NetworkVocabulary.SizeOf(n.MemberCount)]),
            new FacetFilter("model", "Membership model", Set(query.Models), n => n.MembershipModel.Length == 0 ? [] : [n.MembershipModel]),
        };

        var matching = networks.Where(n => filters.All(f => f.Admits(n))).ToList();
        var facets = filters.Select(f => BuildFacet(f, networks.Where(n => filters.Where(o => o != f).All(o => o.Admits(n))).ToList())).ToList();

        var sort = NetworkQuery.SortKeys.Contains(query.Sort ?? "") && (query.Sort != "relevance" || rank is not null)
            ? query.Sort! : rank is not null ? "relevance" : "name";
        var ordered = Sort(matching, sort, rank);

        var pageSize = Math.Clamp(query.PageSize, 1, NetworkQuery.MaxPageSize);
        var pageCount = Math.Max(1, (int)Math.Ceiling(matching.Count / (double)pageSize));
        var page = Math.Clamp(query.Page, 1, pageCount);
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(n => ToEntry(n, actor)).ToList();
        return new NetworkSearchResult(items, matching.Count, page, pageCount, pageSize, sort, facets);
    }

    public async Task<NetworkPageView?> GetAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug && n.DeletedAt == null, ct);
        if (network is null) return null;
        var cities = await db.NetworkMemberCities.AsNoTracking()
            .Where(m => m.NetworkId == network.Id)
            .Join(db.MemberCities, m => m.MemberCityId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.Name).Select(c => new NetworkLink(c.Slug, c.Name)).ToListAsync(ct);
        var practitioner = actor.CanSeePractitionerLayer;
        var tagged = await db.NetworkTags.AsNoTracking()
            .Where(t => t.NetworkSlug == slug && (t.IsPublic || practitioner))
            .OrderBy(t => t.Kind).ThenBy(t => t.Title)
            .Select(t => new TaggedRecord(t.Kind, t.Title, t.Url, t.IsPublic)).ToListAsync(ct);
        var history = await HistoryAsync(db, network.Id, ct);
        return new NetworkPageView(ToEntry(network, actor), cities, tagged, history);
    }

    /// <summary>Every network in the directory, for the pickers other features tag their records with.</summary>
    public async Task<IReadOnlyList<NetworkLink>> ListOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Networks.AsNoTracking().Where(n => n.DeletedAt == null)
            .OrderBy(n => n.Name).Select(n => new NetworkLink(n.Slug, n.Name)).ToListAsync(ct);
    }

    /// <summary>The networks one of our member cities belongs to, for its profile page.</summary>
    public async Task<IReadOnlyList<NetworkLink>> NetworksOfCityAsync(string citySlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.NetworkMemberCities.AsNoTracking()
            .Where(m => db.MemberCities.Any(c => c.Id == m.MemberCityId && c.Slug == citySlug))
            .Join(db.Networks.Where(n => n.DeletedAt == null), m => m.NetworkId, n => n.Id, (m, n) => n)
            .OrderBy(n => n.Name).Select(n => new NetworkLink(n.Slug, n.Name)).ToListAsync(ct);
    }

    internal static async Task<IReadOnlyList<NetworkHistoryLine>> HistoryAsync(HrcDbContext db, int networkId, CancellationToken ct)
    {
        var changes = await db.NetworkChanges.AsNoTracking().Where(c => c.NetworkId == networkId)
            .OrderByDescending(c => c.Version).ThenByDescending(c => c.Id).ToListAsync(ct);
        return changes.Select(c => new NetworkHistoryLine(c.Version, c.Kind, NetworkVocabulary.Codes(c.Fields), c.ChangedAt, c.ChangedByName)).ToList();
    }

    internal static NetworkEntry ToEntry(Network n, Actor actor) => new(
        n.Slug, n.Name, n.Acronym, n.Summary, n.Mission, n.Mandate, n.KeyProjects, n.MemberCount, n.MemberKinds, n.CountryCount,
        n.MembershipModel, n.MembershipNote, n.FoundedYear, n.Headquarters, NetworkVocabulary.Codes(n.Regions), NetworkVocabulary.Codes(n.Themes),
        n.Website, n.Source, n.LastConfirmedAt, n.Version, actor.CanSeePractitionerLayer ? n.Contacts : null);

    private static IEnumerable<Network> Sort(List<Network> networks, string sort, Dictionary<string, int>? rank) => sort switch
    {
        "relevance" => networks.OrderBy(n => rank![n.Slug]),
        "members" => networks.OrderBy(n => n.MemberCount is null).ThenByDescending(n => n.MemberCount).ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase),
        "founded" => networks.OrderBy(n => n.FoundedYear is null).ThenBy(n => n.FoundedYear).ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase),
        "confirmed" => networks.OrderBy(n => n.LastConfirmedAt is null).ThenByDescending(n => n.LastConfirmedAt).ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase),
        _ => networks.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase),
    };

    private static Facet BuildFacet(FacetFilter filter, List<Network> candidates)
    {
        var counts = candidates.SelectMany(filter.Values).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        IEnumerable<VocabularyItem> vocabulary = filter.Key switch
        {
            "region" => NetworkVocabulary.Regions,
            "size" => NetworkVocabulary.Sizes,
            "model" => NetworkVocabulary.Models,
            // Catalogue order keeps "SDG 3" before "SDG 10" and groups rights, goals and thematic cities.
            _ => counts.Keys.Union(filter.Selected).OrderBy(ThemeOrder).Select(code => new VocabularyItem(code, ThemeCatalog.LabelOf(code))),
        };
        return new Facet(filter.Key, filter.Label,
            vocabulary.Select(v => new FacetValue(v.Code, v.Label, counts.GetValueOrDefault(v.Code), filter.Selected.Contains(v.Code))).ToList());
    }

    private static int ThemeOrder(string code)
    {
        var index = ThemeCatalog.All.ToList().FindIndex(t => t.Code == code);
        return index < 0 ? int.MaxValue : index;
    }

    private static HashSet<string> Set(IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Values within one facet are alternatives (OR); different facets must all hold (AND).</summary>
    private sealed record FacetFilter(string Key, string Label, HashSet<string> Selected, Func<Network, IReadOnlyList<string>> Values)
    {
        public bool Admits(Network network) => Selected.Count == 0 || Values(network).Any(Selected.Contains);
    }
}
