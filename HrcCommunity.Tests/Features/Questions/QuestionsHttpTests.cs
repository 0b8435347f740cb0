using System.Net;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Questions;

[Collection(AppCollection.Name)]
public sealed class QuestionsHttpTests(AppHost app)
{
    [Fact]
    public async Task PublishedAnswer_PageAndList_ShowNothingAboutTheAsker()
    {
        var client = await app.ClientAsync(Persona.Anonymous);

        var entry = await client.GetStringAsync(QuestionsRoutes.PublishedAnswer);
        var list = await client.GetStringAsync("/answers?q=indicators");

        Assert.Contains("How can a small city start measuring human rights", entry);
        Assert.Contains(QuestionsRoutes.PublishedAnswer, list);
        foreach (var page in new[] { entry, list })
        {
            Assert.DoesNotContain("Demo Asker", page);
            Assert.DoesNotContain("asker.one@example.org", page);
        }
    }

    [Fact]
    public async Task AskForm_WithTheHoneypotFilled_AnswersWithAClearMessage_NotAnError()
    {
        var client = app.NewClient();

        var response = await AppHost.PostFormAsync(client, "/questions/ask", "ask", new Dictionary<string, string>
        {
            ["Input.Title"] = "A question from a form-filling robot",
            ["Input.Body"] = "This text was written by a program that fills in every field it finds on a page.",
            ["Input.Topic"] = "other",
            ["Input.Email"] = $"robot-{Guid.NewGuid():N}@example.net",
            ["Input.Website"] = "http://spam.example",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Please leave the last field empty", html);
        Assert.DoesNotContain("/questions/status/", html);
    }

    [Fact]
    public async Task AskForm_Accepted_ShowsThePrivateStatusLink_ThatOpensTheQuestion()
    {
        var client = app.NewClient();
        var title = $"How do cities report to the UN treaty bodies? {Guid.NewGuid():N}";

        var response = await AppHost.PostFormAsync(client, "/questions/ask", "ask", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "We would like to contribute to our country's next report. How have member cities done this?",
            ["Input.Topic"] = "monitoring",
            ["Input.Email"] = $"asker-{Guid.NewGuid():N}@example.org",
            ["Input.MayPublish"] = "true",
        });

        var html = await response.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/questions/status/[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Contains(title, await client.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/questions/status/0000000000")).StatusCode);
    }

    [Fact]
    public async Task AskForm_EmailsOnlyAConfirmationLink_WhosePageConfirmsWithAButton_ThenTheStatusLinkIsEmailed()
    {
        var client = app.NewClient();
        var email = $"confirming-{Guid.NewGuid():N}@example.org";
        var title = $"How do we involve young people in monitoring? {Guid.NewGuid():N}";
        var asked = await AppHost.PostFormAsync(client, "/questions/ask", "ask", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "Our youth council wants to take part in the yearly human rights report. Where can they start?",
            ["Input.Topic"] = "monitoring",
            ["Input.Name"] = "Yara Young",
            ["Input.Email"] = email,
        });
        Assert.Contains("open the link in it to confirm", await asked.Content.ReadAsStringAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var confirmation = await db.OutboxEmails.AsNoTracking().SingleAsync(m => m.To == email);
        Assert.DoesNotContain(title, confirmation.TextBody + confirmation.Subject);
        Assert.DoesNotContain("Yara Young", confirmation.TextBody + confirmation.Subject);
        var path = new Uri(System.Text.RegularExpressions.Regex.Match(confirmation.TextBody, @"https?://\S+/questions/confirm/\S+").Value).AbsolutePath;

        // Opening the link alone confirms nothing (mail scanners open links); the button does.
        Assert.Contains("Yes, this was me", await client.GetStringAsync(path));
        Assert.False(await db.OutboxEmails.AnyAsync(m => m.To == email && m.Category == "questions/received"));
        var confirmed = await AppHost.PostFormAsync(client, path, "confirm-question-email", new Dictionary<string, string>());

        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.True(await db.OutboxEmails.AnyAsync(m => m.To == email && m.Category == "questions/received"));
        var forged = await AppHost.PostFormAsync(client, path[..^4] + "0000", "confirm-question-email", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("This confirmation link is not valid", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task QueueHubTopic_MayBeJoinedOnlyByExpertsCoordinatorsAndAdmins()
    {
        var topics = app.Services.GetRequiredService<LiveStreams>();
        Actor Person(params string[] roles) => new("id", "Someone", roles.ToHashSet(), IsApproved: true);

        Assert.True(await topics.MayJoinAsync(Person(Roles.Expert), QuestionChanged.QueueTopic));
        Assert.True(await topics.MayJoinAsync(Person(Roles.Coordinator), QuestionChanged.QueueTopic));
        Assert.True(await topics.MayJoinAsync(Person(Roles.Admin), QuestionChanged.QueueTopic));
        Assert.False(await topics.MayJoinAsync(Person(Roles.Practitioner), QuestionChanged.QueueTopic));
        Assert.False(await topics.MayJoinAsync(Actor.Anonymous, QuestionChanged.QueueTopic));
        Assert.False(await topics.MayJoinAsync(new Actor("id", "Unapproved", new HashSet<string> { Roles.Expert }, IsApproved: false), QuestionChanged.QueueTopic));
    }
}
