using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Notifications;

public sealed record NotificationItem(long Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAt, bool IsRead);

/// <summary>A person's bell: the unread count, the inbox, marking as read, and the channel chosen for each kind.</summary>
public sealed class NotificationService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, ILiveNotifier<NotificationChanged> notifier)
{
    public const int PageSize = 50;

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>The newest first, one page at a time: <paramref name="beforeId"/> is the last id of the page already shown.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Actor actor, long? beforeId = null, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "read notifications");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == actor.UserId && (beforeId == null || n.Id < beforeId))
            .OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one of the person's own notifications read; another person's id is "not found", not a hint it exists.</summary>
    public async Task MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "read notifications");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed == 0)
        {
            if (!await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == actor.UserId, ct)) throw new NotFoundException("The notification");
            return;
        }
        await notifier.PublishAsync(NotificationChanged.TopicOf(actor.UserId!), null, new NotificationChanged(actor.UserId!, NotificationChange.Read, id));
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "read notifications");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            await notifier.PublishAsync(NotificationChanged.TopicOf(actor.UserId!), null, new NotificationChanged(actor.UserId!, NotificationChange.AllRead, null));
        return changed;
    }

    /// <summary>Every kind with the person's channel for it, their own choice or the default.</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, NotificationChannel>> GetChannelsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change notification preferences");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, p => p.Channel, ct);
        return Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => chosen.TryGetValue(k, out var c) ? c : NotificationWriter.DefaultChannel(k));
    }

    public async Task SetChannelsAsync(Actor actor, IReadOnlyDictionary<NotificationKind, NotificationChannel> channels, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change notification preferences");
        var v = new Validator();
        foreach (var (kind, channel) in channels)
            v.Check(Enum.IsDefined(kind) && Enum.IsDefined(channel), "Channels", "Choose bell, email, both or none for each kind of notification.");
        v.ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.NotificationPreferences.Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, channel) in channels)
        {
            if (stored.TryGetValue(kind, out var preference)) preference.Channel = channel;
            else db.NotificationPreferences.Add(new NotificationPreference { UserId = actor.UserId!, Kind = kind, Channel = channel });
        }
        await db.SaveChangesAsync(ct);
    }
}
