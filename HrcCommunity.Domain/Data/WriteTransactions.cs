using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public static class WriteTransactions
{
    /// <summary>
    /// BEGIN IMMEDIATE: SQLite's write lock is taken before the first read, so a check (a count under a limit) and
    /// the write it allows are one step; a second writer waits at BEGIN (up to the connection's timeout) and then
    /// sees the first one's rows. The caller commits; disposing without a commit rolls back.
    /// </summary>
    public static async Task<DbTransaction> BeginImmediateTransactionAsync(this HrcDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }
}
