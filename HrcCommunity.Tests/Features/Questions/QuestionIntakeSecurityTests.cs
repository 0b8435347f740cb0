using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Questions.QuestionsTestData;

namespace HrcCommunity.Tests.Features.Questions;

/// <summary>The ask form must not work as a mail relay, nor let parallel or IPv6 posts slip past its limits.</summary>
[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class QuestionIntakeSecurityTests
{
    [Fact]
    public async Task Ask_FirstEmailOnlyAsksToConfirm_CarryingNothingTheAskerWrote()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var submission = Submission();

        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.20");

        Assert.False(receipt.EmailConfirmed);
        await using var db = database.CreateDbContext();
        var mail = await db.OutboxEmails.SingleAsync(m => m.To == submission.Email);
        Assert.Equal("questions/confirm", mail.Category);
        foreach (var written in new[] { submission.Title, submission.Body, submission.Name!, submission.Place!, receipt.StatusToken })
        {
            Assert.DoesNotContain(written, mail.TextBody);
            Assert.DoesNotContain(written, mail.Subject);
        }
        Assert.Matches(ConfirmationLink(), mail.TextBody);
    }

    [Fact]
    public async Task ConfirmEmail_SendsTheStatusLinkOnce_WithNoUserTextInTheSubject()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var submission = Submission();
        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.21");

        await ConfirmEmailAsync(database, submission.Email);
        await ConfirmEmailAsync(database, submission.Email);

        await using var db = database.CreateDbContext();
        var received = await db.OutboxEmails.SingleAsync(m => m.To == submission.Email && m.Category == "questions/received");
        Assert.Contains($"/questions/status/{receipt.StatusToken}", received.TextBody);
        Assert.DoesNotContain(submission.Title, received.Subject);
        Assert.DoesNotContain(submission.Name!, received.Subject);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData("not-hex\r\n")]
    public async Task ConfirmEmail_WithAForgedCode_IsRefusedClearly_AndSendsNothing(string code)
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var submission = Submission();
        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.22");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            database.Get<QuestionIntakeService>().ConfirmEmailAsync(receipt.QuestionId, code));

        Assert.Contains("not valid", refused.Message);
        await using var db = database.CreateDbContext();
        Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == submission.Email && m.Category == "questions/received"));
    }

    [Fact]
    public async Task Ask_SignedInWithTheirOwnConfirmedAddress_GetsTheStatusLinkAtOnce()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var practitioner = await database.CreateUserAsync("Pia Asker", Roles.Practitioner);
        await using var db = database.CreateDbContext();
        var email = await db.Users.Where(u => u.Id == practitioner.UserId).Select(u => u.Email!).SingleAsync();

        var receipt = await database.Get<QuestionIntakeService>().AskAsync(practitioner, Submission(email: email), "203.0.113.23");

        Assert.True(receipt.EmailConfirmed);
        Assert.Equal(["questions/received"], await db.OutboxEmails.Where(m => m.To == email).Select(m => m.Category).ToListAsync());
    }

    [Fact]
    public async Task SendAnswer_ToAnUnconfirmedAddress_EmailsNothing_TheStatusPageStillShowsIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Eli Expert", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();
        var submission = Submission();
        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.24");
        await triage.ClaimAsync(expert, receipt.QuestionId);

        await triage.SendAnswerAsync(expert, receipt.QuestionId, Draft((await triage.GetAsync(expert, receipt.QuestionId)).Version));

        await using var db = database.CreateDbContext();
        Assert.Equal(["questions/confirm"], await db.OutboxEmails.Where(m => m.To == submission.Email).Select(m => m.Category).ToListAsync());
        Assert.Contains("clear mandate", (await database.Get<QuestionIntakeService>().GetStatusAsync(receipt.StatusToken)).AnswerHtml);
    }

    [Fact]
    public async Task Ask_StripsControlCharactersFromTitleNameAndPlace()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var submission = Submission() with
        {
            Title = "How do we start?\r\nBcc: victim@example.org\u2028more\0",
            Name = "Eve\r\nX-Injected: yes",
            Place = "Town\tof\u0085Nowhere",
        };

        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.25");

        await using var db = database.CreateDbContext();
        var stored = await db.Questions.SingleAsync(q => q.Id == receipt.QuestionId);
        Assert.Equal("How do we start?  Bcc: victim@example.org more", stored.Title);
        Assert.Equal("Eve  X-Injected: yes", stored.AskerName);
        Assert.Equal("Town of Nowhere", stored.AskerPlace);
    }

    [Fact]
    public async Task Ask_FromOneIPv6Slash64_IsCountedAsOneAddress_WhileTheNext64IsNot()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();
        for (var i = 1; i <= 10; i++)
            await intake.AskAsync(Actor.Anonymous, Submission(), $"2001:db8:1:2:{i:x}::{i:x}");

        var refused = await Assert.ThrowsAsync<RateLimitedException>(() => intake.AskAsync(Actor.Anonymous, Submission(), "2001:db8:1:2:ffff:ffff:ffff:ffff"));

        Assert.Contains("from your network", refused.Message);
        await intake.AskAsync(Actor.Anonymous, Submission(), "2001:db8:1:3::1");
        // IPv4 keeps its full address, also when it arrives mapped into IPv6.
        for (var i = 0; i < 10; i++) await intake.AskAsync(Actor.Anonymous, Submission(), "::ffff:198.51.100.30");
        await Assert.ThrowsAsync<RateLimitedException>(() => intake.AskAsync(Actor.Anonymous, Submission(), "198.51.100.30"));
        await intake.AskAsync(Actor.Anonymous, Submission(), "198.51.100.31");
    }

    [Fact]
    public async Task Ask_ManyAtOnceFromOneAddress_NeverPassesTheLimit()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(async () =>
        {
            try
            {
                await intake.AskAsync(Actor.Anonymous, Submission(), "192.0.2.77");
                return true;
            }
            catch (RateLimitedException)
            {
                return false;
            }
        })));

        Assert.Equal(10, outcomes.Count(accepted => accepted));
        await using var db = database.CreateDbContext();
        Assert.Equal(10, await db.Questions.CountAsync());
    }

    [Fact]
    public async Task Ask_ManyAtOnceFromOneEmail_NeverPassesTheLimit()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var intake = database.Get<QuestionIntakeService>();
        var email = $"flood-{Guid.NewGuid():N}@example.org";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await intake.AskAsync(Actor.Anonymous, Submission(email: email), $"192.0.2.{100 + i}");
                return true;
            }
            catch (RateLimitedException)
            {
                return false;
            }
        })));

        Assert.Equal(3, outcomes.Count(accepted => accepted));
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.Questions.CountAsync(q => q.AskerEmail == email));
    }
}
