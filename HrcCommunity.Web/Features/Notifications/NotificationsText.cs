namespace HrcCommunity.Web.Features.Notifications;

public sealed class NotificationsText;
