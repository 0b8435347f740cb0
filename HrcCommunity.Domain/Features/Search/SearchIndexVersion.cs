using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>
/// A number that changes whenever a save touches the search index, so cached search results can be
/// keyed by it and never outlive the content they were built from. It moves both when such a save
/// starts and when it has committed: a search that ran in between is cached under a number that
/// is already gone by the time anyone could read the new content.
/// </summary>
public sealed class SearchIndexVersion : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = new();
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<SearchEntry>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            return;
        _saving.AddOrUpdate(context, this);
        Interlocked.Increment(ref _value);
    }

    private void After(DbContext? context)
    {
        if (context is not null && _saving.Remove(context)) Interlocked.Increment(ref _value);
    }
}
