namespace HrcCommunity.Domain.Features.Questions;

internal static class QuestionLog
{
    public static QuestionLogEntry Entry(int questionId, QuestionAction action, QuestionState from, QuestionState to,
        string actorId, string actorName, string detail, DateTime at) => new()
    {
        QuestionId = questionId, Action = action, FromState = from, ToState = to,
        ActorId = actorId, ActorName = actorName, Detail = detail, At = at,
    };
}
