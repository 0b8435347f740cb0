namespace HrcCommunity.Web.Features.Members;

public sealed class MembersText;
