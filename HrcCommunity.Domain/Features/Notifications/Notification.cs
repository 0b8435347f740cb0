namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>What a notification is about; each kind has its own channel in a person's preferences.</summary>
public enum NotificationKind
{
    QuestionState = 0,
    Registration = 1,
    EventReminder = 2,
    PracticeReview = 3,
    RoomMention = 4,
    RoomReply = 5,
}

/// <summary>Where notifications of one kind go. Stored as flags so "both" is bell and email.</summary>
[Flags]
public enum NotificationChannel
{
    None = 0,
    Bell = 1,
    Email = 2,
    Both = Bell | Email,
}

/// <summary>One line in a person's bell. Written in the same save as the change it reports, so none is lost.</summary>
public sealed class Notification
{
    public const int TextMax = 300;
    public const int LinkMax = 300;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public string Text { get; set; } = "";
    /// <summary>A site-relative path ("/events/12"), never an absolute address.</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>A person's channel for one kind; without a row the kind's default applies.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public NotificationChannel Channel { get; set; }
}
