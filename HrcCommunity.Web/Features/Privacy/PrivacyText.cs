namespace HrcCommunity.Web.Features.Privacy;

public sealed class PrivacyText;
