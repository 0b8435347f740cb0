using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>The bell line of a notification: a short text and the site path it opens.</summary>
public sealed record Notice(string UserId, NotificationKind Kind, string Text, string Link);

/// <summary>The email form of the same notification, used when the person's channel for its kind includes email.</summary>
public sealed record NoticeEmail(string Subject, string TextBody, string? HtmlBody, string Category);

/// <summary>
/// How any feature notifies someone: inside its own save, with the change that causes the notification, so both are
/// written or neither is. The person's channel for the kind decides between the bell, an email, both or nothing.
/// </summary>
public static class NotificationWriter
{
    public static NotificationChannel DefaultChannel(NotificationKind kind) =>
        kind == NotificationKind.RoomReply ? NotificationChannel.Bell : NotificationChannel.Both;

    public static async Task<NotificationChannel> ChannelAsync(this HrcDbContext db, string userId, NotificationKind kind, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Kind == kind)
            .Select(p => (NotificationChannel?)p.Channel).FirstOrDefaultAsync(ct);
        return chosen ?? DefaultChannel(kind);
    }

    /// <summary>
    /// Adds the notification to the context's pending changes (the caller saves). Without <paramref name="email"/> the
    /// notification only ever goes to the bell: for callers that email the person in every case themselves.
    /// </summary>
    /// <returns>The channel used, so a caller can tell whether the person was emailed.</returns>
    public static async Task<NotificationChannel> NotifyAsync(this HrcDbContext db, TimeProvider clock, Notice notice, NoticeEmail? email,
        CancellationToken ct)
    {
        var channel = await db.ChannelAsync(notice.UserId, notice.Kind, ct);
        if (channel.HasFlag(NotificationChannel.Bell))
            db.Notifications.Add(new Notification
            {
                UserId = notice.UserId, Kind = notice.Kind, CreatedAt = clock.GetUtcNow().UtcDateTime,
                Text = notice.Text.Length > Notification.TextMax ? notice.Text[..(Notification.TextMax - 1)] + "…" : notice.Text,
                Link = notice.Link.StartsWith('/') && !notice.Link.StartsWith("//") && notice.Link.Length <= Notification.LinkMax ? notice.Link : "/",
            });
        if (email is null || !channel.HasFlag(NotificationChannel.Email)) return channel & NotificationChannel.Bell;
        var to = await db.Users.Where(u => u.Id == notice.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (to is null) return channel & NotificationChannel.Bell;
        db.Enqueue(clock, to, email.Subject, email.TextBody, email.HtmlBody, email.Category, unsubscribeUrl: null);
        return channel;
    }
}
