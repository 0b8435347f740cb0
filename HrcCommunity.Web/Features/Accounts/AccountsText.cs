namespace HrcCommunity.Web.Features.Accounts;

public sealed class AccountsText;
