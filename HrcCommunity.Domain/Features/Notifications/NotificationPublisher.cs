using System.Runtime.CompilerServices;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// Tells each bell about the notifications a save added, whichever feature added them: callers only write the row
/// (<see cref="NotificationWriter"/>), and no feature has to remember to publish. It publishes once the save
/// succeeded; inside a caller's own transaction that is just before its commit, so a bell could count one that a
/// rollback then removes, until the next page load.
/// </summary>
public sealed class NotificationPublisher(ILiveNotifier<NotificationChanged> notifier) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Notification>> _adding = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        await PublishAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var added = context.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0) _adding.AddOrUpdate(context, added);
    }

    private async Task PublishAsync(DbContext? context)
    {
        if (context is null || !_adding.TryGetValue(context, out var added)) return;
        _adding.Remove(context);
        // The notifier only queues per subscriber, so this never waits on a slow bell.
        foreach (var notification in added)
            await notifier.PublishAsync(NotificationChanged.TopicOf(notification.UserId), null,
                new NotificationChanged(notification.UserId, NotificationChange.Added, notification.Id,
                    new NotificationItem(notification.Id, notification.Kind, notification.Text, notification.Link,
                        DateTime.SpecifyKind(notification.CreatedAt, DateTimeKind.Utc), IsRead: false)));
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _adding.Remove(context);
    }
}
