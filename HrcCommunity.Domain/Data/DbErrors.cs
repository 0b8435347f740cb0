using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HrcCommunity.Domain.Data;

/// <summary>What a failed save means, the same way on every provider.</summary>
public static class DbErrors
{
    /// <summary>
    /// A unique index or primary key refused the row: someone else saved the same thing first. SQLite reports
    /// SQLITE_CONSTRAINT (19) with UNIQUE (2067) or PRIMARYKEY (1555); PostgreSQL reports unique_violation (23505).
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// Nothing was written because another writer held the database past the wait: SQLITE_BUSY (5) once the busy timeout
    /// runs out, or on PostgreSQL a serialization failure (40001) or deadlock (40P01), each of which rolls back the whole
    /// transaction. Trying the same work again is safe.
    /// </summary>
    public static bool IsBusy(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 5 } => true,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        _ => false,
    };
}
