namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>The site paths notifications point people to, named once for emails and pages alike.</summary>
public static class NotificationLinks
{
    public const string Preferences = "/account/notifications";
    public const string Inbox = "/account/notifications/inbox";
}
