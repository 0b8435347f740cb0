using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>The wording of the account emails (approval, password reset, address confirmation), from AccountEmails.resx.</summary>
public static class AccountEmails
{
    private static readonly EmailText Resources = new(typeof(AccountEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
