using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Events;

/// <summary>The wording of the events' emails and bell lines, from EventEmails.resx.</summary>
public static class EventEmails
{
    private static readonly EmailText Resources = new(typeof(EventEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
