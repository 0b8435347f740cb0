namespace HrcCommunity.Domain.Features.Notifications;

public enum NotificationChange
{
    Added = 0,
    Read = 1,
    AllRead = 2,
}

/// <summary>
/// One change to a person's bell, as a fact the bell applies in memory: a notification added (one more unread), one
/// read (one fewer), or all read (none).
/// </summary>
public sealed record NotificationChanged(string UserId, NotificationChange Change, long? NotificationId)
{
    public static string TopicOf(string userId) => $"notifications/{userId}";
}
