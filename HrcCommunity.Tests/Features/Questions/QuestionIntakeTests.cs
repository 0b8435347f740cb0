using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Questions.QuestionsTestData;

namespace HrcCommunity.Tests.Features.Questions;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class QuestionIntakeTests
{
    [Fact]
    public async Task Ask_WithTheHoneypotFilled_IsRefused_AndStoresNothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, Submission(website: "http://spam.example"), "203.0.113.1"));

        Assert.Contains("website", refused.Errors.Keys);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Questions.CountAsync());
        Assert.Equal(0, await db.OutboxEmails.CountAsync());
    }

    [Fact]
    public async Task Ask_FromOneEmailTooOften_IsRateLimitedWithAClearMessage_UntilTheWindowPasses()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();
        var email = $"busy-{Guid.NewGuid():N}@example.org";
        for (var i = 0; i < 3; i++)
            await intake.AskAsync(Actor.Anonymous, Submission(email: email), $"192.0.2.{i}");

        // Case and spacing do not make a new address.
        var refused = await Assert.ThrowsAsync<RateLimitedException>(() =>
            intake.AskAsync(Actor.Anonymous, Submission(email: email.ToUpperInvariant()), "192.0.2.99"));
        Assert.Contains("from this email address", refused.Message);

        database.Clock.Advance(TimeSpan.FromHours(1.1));
        await intake.AskAsync(Actor.Anonymous, Submission(email: email), "192.0.2.100");
    }

    [Fact]
    public async Task Ask_FromOneAddressTooOften_IsRateLimited_EvenWithDifferentEmails()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();
        for (var i = 0; i < 10; i++)
            await intake.AskAsync(Actor.Anonymous, Submission(), "198.51.100.200");

        var refused = await Assert.ThrowsAsync<RateLimitedException>(() => intake.AskAsync(Actor.Anonymous, Submission(), "198.51.100.200"));

        Assert.Contains("from your network", refused.Message);
        await intake.AskAsync(Actor.Anonymous, Submission(), "198.51.100.201");
    }

    [Fact]
    public async Task Ask_WithBadInput_ListsEveryProblem_AndStoresNothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var bad = new QuestionSubmission("Short", new string('x', Question.BodyMax + 1), "astrology", ["not-a-theme"], null, null, "not-an-email", true, false, null);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, bad, "203.0.113.2"));

        Assert.Equal(["body", "email", "themes", "title", "topic"], refused.Errors.Keys.Order());
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Questions.CountAsync());
    }

    [Fact]
    public async Task Ask_StoresOnlyAHashOfTheStatusToken_AndTheStatusLinkOpensTheQuestion()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();

        var receipt = await intake.AskAsync(Actor.Anonymous, Submission(), "203.0.113.3");

        await using var db = database.CreateDbContext();
        var stored = await db.Questions.SingleAsync(q => q.Id == receipt.QuestionId);
        Assert.NotEqual(receipt.StatusToken, stored.StatusTokenHash);
        Assert.DoesNotContain(receipt.StatusToken, stored.StatusSalt);
        Assert.True(receipt.StatusToken.Length >= 32);
        Assert.Equal(QuestionState.New, (await intake.GetStatusAsync(receipt.StatusToken)).State);
        var altered = receipt.StatusToken[..^1] + (receipt.StatusToken[^1] == '0' ? "1" : "0");
        await Assert.ThrowsAsync<NotFoundException>(() => intake.GetStatusAsync(altered));
    }

    [Fact]
    public async Task FullAnonymity_ExpertsNeverReceiveTheAskersIdentity()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var submission = Submission(anonymous: true);
        var id = await AskAsync(database, submission);
        var visible = await AskAsync(database, Submission());

        foreach (var actor in new[] { expert, coordinator })
        {
            var detail = await database.Get<QuestionTriageService>().GetAsync(actor, id);
            Assert.Null(detail.Asker);
            var everything = System.Text.Json.JsonSerializer.Serialize(detail);
            Assert.DoesNotContain(submission.Email, everything);
            Assert.DoesNotContain(submission.Name!, everything);
            Assert.DoesNotContain(submission.Place!, everything);
        }
        Assert.Equal("Wilhelmina Asker", (await database.Get<QuestionTriageService>().GetAsync(expert, visible)).Asker!.Name);
        // Only the outbox still uses the address.
        await using var db = database.CreateDbContext();
        Assert.True(await db.OutboxEmails.AnyAsync(m => m.To == submission.Email));
    }
}
