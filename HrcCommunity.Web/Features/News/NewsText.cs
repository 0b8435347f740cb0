namespace HrcCommunity.Web.Features.News;

public sealed class NewsText;
