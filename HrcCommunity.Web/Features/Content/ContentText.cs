namespace HrcCommunity.Web.Features.Content;

public sealed class ContentText;
