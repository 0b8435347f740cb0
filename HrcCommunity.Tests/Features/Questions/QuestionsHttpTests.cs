using System.Net;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Hubs;
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
    public void QueueHubTopic_MayBeJoinedOnlyByExpertsCoordinatorsAndAdmins()
    {
        var topics = app.Services.GetRequiredService<LiveTopics>();
        Actor Person(params string[] roles) => new("id", "Someone", roles.ToHashSet(), IsApproved: true);

        Assert.True(topics.MayJoin(Person(Roles.Expert), QuestionChanged.QueueTopic));
        Assert.True(topics.MayJoin(Person(Roles.Coordinator), QuestionChanged.QueueTopic));
        Assert.True(topics.MayJoin(Person(Roles.Admin), QuestionChanged.QueueTopic));
        Assert.False(topics.MayJoin(Person(Roles.Practitioner), QuestionChanged.QueueTopic));
        Assert.False(topics.MayJoin(Actor.Anonymous, QuestionChanged.QueueTopic));
        Assert.False(topics.MayJoin(new Actor("id", "Unapproved", new HashSet<string> { Roles.Expert }, IsApproved: false), QuestionChanged.QueueTopic));
    }
}
