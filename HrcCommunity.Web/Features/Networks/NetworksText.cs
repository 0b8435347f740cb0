namespace HrcCommunity.Web.Features.Networks;

public sealed class NetworksText;
