namespace HrcCommunity.Web.Features.Drafts;

public sealed class DraftsText;
