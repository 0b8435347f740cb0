using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Questions;

internal static class QuestionsTestData
{
    public static QuestionSubmission Submission(string? email = null, bool mayPublish = true, bool anonymous = false,
        string name = "Wilhelmina Asker", string place = "Municipality of Zwolle", string? website = null) => new(
        $"How do we set up a human rights council? {Guid.NewGuid():N}",
        "Our city wants an independent advisory council on human rights. How should it be composed and what mandate should it have?",
        "local-policy", ["sdg-16"], name, place, email ?? $"asker-{Guid.NewGuid():N}@example.org", mayPublish, anonymous, website);

    public static async Task<int> AskAsync(SqliteDatabase database, QuestionSubmission? submission = null, string ip = "203.0.113.7") =>
        (await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission ?? Submission(), ip)).QuestionId;

    public static AnswerDraft Draft(int version, string answer = "Give it a clear mandate, independent members and a yearly report to the council.") =>
        new(answer, "A clear mandate, independence and a yearly report.", "https://www.ohchr.org/en", version);
}
