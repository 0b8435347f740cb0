using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>The wording of the privacy emails (the data download), from PrivacyEmails.resx.</summary>
public static class PrivacyEmails
{
    private static readonly EmailText Resources = new(typeof(PrivacyEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
