namespace HrcCommunity.Web.Features.Dialogues;

public sealed class DialoguesText;
