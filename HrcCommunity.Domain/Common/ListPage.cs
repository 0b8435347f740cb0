using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Common;

/// <summary>
/// Which page of a long list a table asks for, and the column it is sorted by. It comes from the URL, so every value
/// is clamped or ignored here instead of refused: a hand-edited address still gets a sensible page.
/// </summary>
public sealed record ListRequest(int Page = 1, int PageSize = ListRequest.DefaultPageSize, string? Sort = null, bool Descending = false)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The sort key if the list knows it, otherwise the list's default, so an unknown key never reaches a query.</summary>
    public string SortOr(string fallback, params string[] known) =>
        Sort is not null && known.Contains(Sort, StringComparer.OrdinalIgnoreCase) ? Sort.ToLowerInvariant() : fallback;
}

/// <summary>One page of a list, with the total a pager needs. It is itself the rows on this page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize) : IReadOnlyList<T>
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Count => Items.Count;
    public T this[int index] => Items[index];
    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class ListPaging
{
    /// <summary>
    /// Counts, then reads the requested page of an ordered query. A page past the end shows the last one, because a
    /// row decided by someone else can shorten the list under a reader who is on its last page.
    /// </summary>
    public static async Task<ListPage<T>> ToListPageAsync<T>(this IQueryable<T> ordered, ListRequest request, CancellationToken ct)
    {
        var size = request.SafePageSize;
        var total = await ordered.CountAsync(ct);
        var page = Math.Min(request.SafePage, Math.Max(1, (total + size - 1) / size));
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new ListPage<T>(items, total, page, size);
    }

    public static ListPage<TResult> Map<T, TResult>(this ListPage<T> page, Func<T, TResult> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize);
}
