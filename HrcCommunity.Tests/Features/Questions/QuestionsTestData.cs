using System.Text.RegularExpressions;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Questions;

internal static partial class QuestionsTestData
{
    public static QuestionSubmission Submission(string? email = null, bool mayPublish = true, bool anonymous = false,
        string name = "Wilhelmina Asker", string place = "Municipality of Zwolle", string? website = null) => new(
        $"How do we set up a human rights council? {Guid.NewGuid():N}",
        "Our city wants an independent advisory council on human rights. How should it be composed and what mandate should it have?",
        "local-policy", ["sdg-16"], name, place, email ?? $"asker-{Guid.NewGuid():N}@example.org", mayPublish, anonymous, website);

    public static async Task<int> AskAsync(SqliteDatabase database, QuestionSubmission? submission = null, string ip = "203.0.113.7") =>
        (await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission ?? Submission(), ip)).QuestionId;

    /// <summary>Does what the asker does with the confirmation email: opens its link.</summary>
    public static async Task ConfirmEmailAsync(SqliteDatabase database, string email)
    {
        await using var db = database.CreateDbContext();
        var body = await db.OutboxEmails.Where(m => m.To == email && m.Category == "questions/confirm").Select(m => m.TextBody).SingleAsync();
        var link = ConfirmationLink().Match(body);
        await database.Get<QuestionIntakeService>().ConfirmEmailAsync(int.Parse(link.Groups[1].Value), link.Groups[2].Value);
    }

    [GeneratedRegex("/questions/confirm/([0-9]+)/([0-9a-f]+)")]
    public static partial Regex ConfirmationLink();

    public static AnswerDraft Draft(int version, string answer = "Give it a clear mandate, independent members and a yearly report to the council.") =>
        new(answer, "A clear mandate, independence and a yearly report.", "https://www.ohchr.org/en", version);
}
