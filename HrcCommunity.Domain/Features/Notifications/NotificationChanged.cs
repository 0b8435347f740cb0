namespace HrcCommunity.Domain.Features.Notifications;

public enum NotificationChange
{
    Added = 0,
    Read = 1,
    AllRead = 2,
}

/// <summary>
/// One change to a person's bell, as a fact the bell and the inbox apply in memory: a notification added (one more
/// unread, and <see cref="Item"/> to show), one read (one fewer), or all read (none). Added ones are published by the
/// save that wrote them, possibly before the caller's transaction commits, so a follower must not reload to find them.
/// </summary>
public sealed record NotificationChanged(string UserId, NotificationChange Change, long? NotificationId, NotificationItem? Item = null)
{
    public static string TopicOf(string userId) => $"notifications/{userId}";
}
