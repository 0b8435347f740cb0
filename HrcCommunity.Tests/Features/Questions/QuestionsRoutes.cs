using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Questions;

public static class QuestionsRoutes
{
    public const string PublishedAnswer = "/answers/" + QuestionsDemoSeed.PublishedSlug;
    public const string DemoStatus = "/questions/status/" + QuestionsDemoSeed.DemoStatusToken;

    public static readonly RouteExpectation[] All =
    [
        new("/questions/ask", Access.Public),
        new(DemoStatus, Access.Public),
        new("/questions/confirm/1/0000000000000000000000000000000000000000", Access.Public),
        new("/answers", Access.Public),
        new("/answers?q=indicators&topic=monitoring", Access.Public),
        new(PublishedAnswer, Access.Public),
        new("/experts/queue", Access.Expert),
        new("/experts/queue?state=new&sort=newest&mine=true", Access.Expert),
        new("/experts/questions/1", Access.Expert),
        new("/experts/measures", Access.Coordinator),
        new("/experts/replies", Access.Coordinator),
        new("/experts/log", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/questions/ask", "/answers", PublishedAnswer, DemoStatus];
}
