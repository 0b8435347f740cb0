namespace HrcCommunity.Web.Features.Search;

public sealed class SearchText;
