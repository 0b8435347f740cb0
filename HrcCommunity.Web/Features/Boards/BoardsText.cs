namespace HrcCommunity.Web.Features.Boards;

public sealed class BoardsText;
