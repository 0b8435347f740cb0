namespace HrcCommunity.Web.Features.Links;

public sealed class LinksText;
