namespace HrcCommunity.Web.Features.Questions;

public sealed class QuestionsText;
