using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (the pool keeps the
/// connection, and with it its page cache, between operations).
/// </summary>
/// <remarks>
/// SQLite's default page cache is 2 MB a connection. A search walks FTS5 doclists and index pages spread
/// over a database of hundreds of megabytes, and with 2 MB it reads the same pages from the OS again and
/// again: at 100,000 entries a search whose matches are spread out took twice as long, and a kind filter
/// still took half as long again with 16 MB. The pool keeps a cache for each connection it holds: under 32
/// concurrent searches the app's resident memory was about 450 MB, against about 310 MB with the default.
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    /// <summary>Commits checkpoint the write-ahead log only past 10,000 pages (40 MB): <see cref="SqliteCheckpointer"/> does it long before.</summary>
    public const int CommitCheckpointPages = 10_000;

    private static readonly string Pragmas =
        $"PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {CommitCheckpointPages};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
