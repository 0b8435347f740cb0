using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public static class WriteTransactions
{
    /// <summary>Any number that names the platform's one write lock among PostgreSQL's advisory locks.</summary>
    private const long WriteLockKey = 0x4852_4357_5249_5445; // "HRCWRITE"

    /// <summary>
    /// A transaction in which a check (a count under a limit) and the write it allows are one step. The caller
    /// commits; disposing without a commit rolls back.
    /// </summary>
    /// <remarks>
    /// On SQLite: BEGIN IMMEDIATE, whose write lock is taken before the first read; a second writer waits at BEGIN
    /// (up to the connection's timeout) and then sees the first one's rows.
    /// On PostgreSQL: a transaction-scoped advisory lock, taken first, does the same: these transactions queue one
    /// behind the other, and under READ COMMITTED each statement after the lock sees what the previous holder
    /// committed. SERIALIZABLE would let unrelated writes run side by side, but fails the loser of every race with an
    /// error that each caller would have to retry; the lock keeps SQLite's meaning with no retry anywhere, and these
    /// transactions are short.
    /// </remarks>
    public static async Task<DbTransaction> BeginImmediateTransactionAsync(this HrcDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            var immediate = sqlite.BeginTransaction(deferred: false);
            await db.Database.UseTransactionAsync(immediate, ct);
            return immediate;
        }
        var transaction = await connection.BeginTransactionAsync(ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", ct);
        return transaction;
    }
}
