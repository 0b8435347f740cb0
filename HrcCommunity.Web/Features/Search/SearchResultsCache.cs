using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Search;
using Microsoft.Extensions.Caching.Memory;

namespace HrcCommunity.Web.Features.Search;

/// <summary>
/// Keeps recent result pages, because a search over a large index costs milliseconds of CPU and
/// popular searches repeat: a page answered from here costs next to nothing. An entry is keyed by the index version (any change to
/// the index makes new keys, so nothing outlives the content it showed) and by the layer the asker
/// reads, so a practitioners' page is never served to the public.
/// </summary>
public sealed class SearchResultsCache(SearchService search, SearchIndexVersion version) : IDisposable
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    // Its own bounded cache: a size limit on the app-wide one would bind every other user of it.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2000 });

    public Task<SearchResults> SearchAsync(Actor actor, SearchRequest request, CancellationToken ct = default)
    {
        var key = (Version: version.Value, actor.CanSeePractitionerLayer, request.Query?.Trim(), request.Kind, request.Theme, request.Page);
        if (_cache.TryGetValue(key, out SearchResults? cached) && cached is not null) return Task.FromResult(cached);
        return SearchAndKeepAsync(actor, request, key, ct);
    }

    private async Task<SearchResults> SearchAndKeepAsync(Actor actor, SearchRequest request, object key, CancellationToken ct)
    {
        var results = await search.SearchAsync(actor, request, ct);
        _cache.Set(key, results, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeptFor, Size = 1 });
        return results;
    }

    public void Dispose() => _cache.Dispose();
}
