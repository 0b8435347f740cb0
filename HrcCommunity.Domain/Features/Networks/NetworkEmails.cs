using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>The wording of the directory emails (a proposed correction decided), from NetworkEmails.resx.</summary>
public static class NetworkEmails
{
    private static readonly EmailText Resources = new(typeof(NetworkEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
