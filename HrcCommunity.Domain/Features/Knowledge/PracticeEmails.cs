using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>The wording of the practice review emails and bell lines, from PracticeEmails.resx.</summary>
public static class PracticeEmails
{
    private static readonly EmailText Resources = new(typeof(PracticeEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
