namespace HrcCommunity.Domain.Data;

/// <summary>Reads that look many rows up by id, as many at once as one query may carry.</summary>
public static class BulkReads
{
    /// <summary>Ids per query: well under SQLite's and PostgreSQL's limits on parameters.</summary>
    public const int IdsPerQuery = 500;

    /// <summary>The distinct ids, in groups of <see cref="IdsPerQuery"/>: one query each.</summary>
    public static IEnumerable<T[]> InQueryChunks<T>(this IEnumerable<T> ids) => ids.Distinct().Chunk(IdsPerQuery);
}
