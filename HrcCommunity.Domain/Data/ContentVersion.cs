using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// A number that moves after every write this process makes to the database, and again when a transaction commits, so
/// a page cached under it is never read again once the data behind it may have changed. A page rendered while a write
/// was still uncommitted was keyed before the commit's move, so nobody looks it up afterwards.
/// Writes from another instance move it through <see cref="RedisContentVersionRelay"/> when Redis is configured.
/// </summary>
public sealed class ContentVersion : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    /// <summary>Raised after each move this process's own writes make, for other instances to hear of it.</summary>
    public event Action? MovedHere;

    /// <summary>Another instance wrote: pages cached here before it are no longer read.</summary>
    public void MoveForWriteElsewhere() => Interlocked.Increment(ref _value);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Moved(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Moved(command);
        return ValueTask.FromResult(result);
    }

    // SaveChanges writes with INSERT … RETURNING, which runs as a reader.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Moved(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Moved(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Move();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Move();
        return Task.CompletedTask;
    }

    private void Moved(DbCommand command)
    {
        var text = command.CommandText.AsSpan().TrimStart();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
            Move();
    }

    private void Move()
    {
        Interlocked.Increment(ref _value);
        MovedHere?.Invoke();
    }
}
