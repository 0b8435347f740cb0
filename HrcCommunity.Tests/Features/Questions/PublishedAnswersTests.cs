using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Questions.QuestionsTestData;

namespace HrcCommunity.Tests.Features.Questions;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class PublishedAnswersTests
{
    private const string PublicQuestion = "Our city wants an independent advisory council on human rights. How should it be composed?";

    private static async Task<(SqliteDatabase Database, Actor Expert, int Id, QuestionSubmission Submission)> AnsweredAsync(bool mayPublish = true)
    {
        var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var submission = Submission(mayPublish: mayPublish);
        var id = await AskAsync(database, submission);
        var triage = database.Get<QuestionTriageService>();
        await triage.ClaimAsync(expert, id);
        await triage.SendAnswerAsync(expert, id, Draft((await triage.GetAsync(expert, id)).Version));
        return (database, expert, id, submission);
    }

    [Fact]
    public async Task Publish_ByTheAnsweringExpert_MakesAPublicEntryWithoutTheAsker_IndexedAsAnswer_AndTaggedWithNetworks()
    {
        var (database, expert, id, submission) = await AnsweredAsync();
        await using var _ = database;
        var answers = database.Get<PublishedAnswersService>();

        await answers.PublishAsync(expert, id, new PublishInput(PublicQuestion, ["sdg-16", "right-participation"], ["uclg", "eurocities"]));

        var detail = await database.Get<QuestionTriageService>().GetAsync(expert, id);
        Assert.Equal(QuestionState.Published, detail.State);
        var entry = await answers.GetAsync(detail.Slug!);
        Assert.NotNull(entry);
        Assert.Equal(PublicQuestion, entry.QuestionText);
        Assert.Equal(["sdg-16", "right-participation"], entry.Themes);
        var everything = System.Text.Json.JsonSerializer.Serialize(entry);
        Assert.DoesNotContain(submission.Email, everything);
        Assert.DoesNotContain(submission.Name!, everything);
        Assert.DoesNotContain(submission.Place!, everything);
        Assert.Contains(await answers.ListAsync("mandate", null, null), a => a.Slug == detail.Slug);
        Assert.Contains(await answers.ListAsync(null, "local-policy", "sdg-16"), a => a.Slug == detail.Slug);
        Assert.Empty(await answers.ListAsync(null, "participation", null));

        await using var db = database.CreateDbContext();
        var search = await db.SearchEntries.SingleAsync(e => e.Kind == "answer" && e.Key == id.ToString());
        Assert.Equal($"/answers/{detail.Slug}", search.Url);
        Assert.Equal(ContentLayer.Public, search.Layer);
        foreach (var text in new[] { search.Title, search.Summary, search.Body })
        {
            Assert.DoesNotContain(submission.Email, text);
            Assert.DoesNotContain(submission.Name!, text);
        }
        Assert.Equal(["eurocities", "uclg"], (await db.NetworkTags.Where(t => t.Key == id.ToString()).Select(t => t.NetworkSlug).ToListAsync()).Order());

        var knowledge = await answers.GetKnowledgeSourceAsync(expert, id);
        Assert.Equal($"/answers/{detail.Slug}", knowledge.SourceUrl);
        Assert.Contains(PublicQuestion, knowledge.Body);
    }

    [Fact]
    public async Task Publish_WhenThePublicTextNamesTheAsker_IsRefused()
    {
        var (database, expert, id, submission) = await AnsweredAsync();
        await using var _ = database;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => database.Get<PublishedAnswersService>()
            .PublishAsync(expert, id, new PublishInput($"{submission.Name} from {submission.Place} asks: {PublicQuestion}", [], [])));

        Assert.Contains("asker", refused.Message);
        Assert.Equal(QuestionState.Answered, (await database.Get<QuestionTriageService>().GetAsync(expert, id)).State);
    }

    [Fact]
    public async Task Publish_WhenTheAskerDidNotAllowIt_IsRefused_AndTheQuestionClosesUnpublished()
    {
        var (database, expert, id, _) = await AnsweredAsync(mayPublish: false);
        await using var __ = database;
        var answers = database.Get<PublishedAnswersService>();

        await Assert.ThrowsAsync<ConflictException>(() => answers.PublishAsync(expert, id, new PublishInput(PublicQuestion, [], [])));
        await answers.CloseUnpublishedAsync(expert, id);

        Assert.Equal(QuestionState.ClosedUnpublished, (await database.Get<QuestionTriageService>().GetAsync(expert, id)).State);
        await using var db = database.CreateDbContext();
        Assert.False(await db.SearchEntries.AnyAsync(e => e.Kind == "answer" && e.Key == id.ToString()));
    }

    [Fact]
    public async Task Publish_ByAnotherExpert_IsForbidden_ButACoordinatorMay_AndTakingItDownRemovesItFromSearch()
    {
        var (database, _, id, _) = await AnsweredAsync();
        await using var __ = database;
        var other = await database.CreateUserAsync("Otto Other", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var answers = database.Get<PublishedAnswersService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => answers.PublishAsync(other, id, new PublishInput(PublicQuestion, [], [])));
        await answers.PublishAsync(coordinator, id, new PublishInput(PublicQuestion, [], ["uclg"]));
        var slug = (await database.Get<QuestionTriageService>().GetAsync(coordinator, id)).Slug!;
        await answers.CloseUnpublishedAsync(coordinator, id);

        Assert.Null(await answers.GetAsync(slug));
        await using var db = database.CreateDbContext();
        Assert.False(await db.SearchEntries.AnyAsync(e => e.Kind == "answer" && e.Key == id.ToString()));
        Assert.False(await db.NetworkTags.AnyAsync(t => t.Key == id.ToString()));
    }

    [Fact]
    public async Task Measures_CountOpenQuestions_MedianTimes_AndPerTopicAndExpert()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var triage = database.Get<QuestionTriageService>();
        var start = database.Clock.GetUtcNow().UtcDateTime;
        var answered = await AskAsync(database);
        await AskAsync(database, Submission() with { Topic = "participation" });
        database.Clock.Advance(TimeSpan.FromHours(2));
        await triage.ClaimAsync(expert, answered);
        database.Clock.Advance(TimeSpan.FromHours(4));
        await triage.SendAnswerAsync(expert, answered, Draft((await triage.GetAsync(expert, answered)).Version));

        var measures = await database.Get<QuestionMeasuresService>().GetAsync(coordinator, start.AddDays(-1), start.AddDays(1));

        Assert.Equal(1, measures.OpenNow);
        Assert.Equal(2, measures.Asked);
        Assert.Equal(TimeSpan.FromHours(2), measures.MedianToFirstResponse);
        Assert.Equal(TimeSpan.FromHours(6), measures.MedianToAnswer);
        Assert.Equal(["Local policy and mainstreaming", "Participation"], measures.PerTopic.Select(t => t.Label).Order());
        Assert.Equal(new CountBy("Emma Expert", 1), Assert.Single(measures.PerExpert));
        await Assert.ThrowsAsync<ForbiddenException>(() => database.Get<QuestionMeasuresService>().GetAsync(expert, start, start.AddDays(1)));
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(TimeSpan.FromHours(3), QuestionMeasuresService.Median([TimeSpan.FromHours(4), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(9)]));
        Assert.Null(QuestionMeasuresService.Median([]));
    }

    [Fact]
    public async Task PromoteToKnowledge_ByACoordinator_StartsOneDraftWithTheQuestionAndAnswer_AndNeverTheAsker()
    {
        var (database, expert, id, submission) = await AnsweredAsync();
        await using var _ = database;
        var answers = database.Get<PublishedAnswersService>();
        await answers.PublishAsync(expert, id, new PublishInput(PublicQuestion, ["sdg-16"], []));
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);

        var slug = await answers.PromoteToKnowledgeAsync(coordinator, id);
        var again = await answers.PromoteToKnowledgeAsync(coordinator, id);

        Assert.Equal(slug, again);
        var draft = await database.Get<HrcCommunity.Domain.Features.Knowledge.KnowledgeService>().GetForEditAsync(coordinator, slug);
        Assert.Equal(HrcCommunity.Domain.Features.Knowledge.KnowledgeStatus.Draft, draft.Status);
        Assert.Contains(PublicQuestion, draft.Input.Body);
        Assert.Equal(["sdg-16"], draft.Input.Themes);
        Assert.DoesNotContain(submission.Email, draft.Input.Body);
        Assert.DoesNotContain(submission.Name!, draft.Input.Body);
    }

    [Fact]
    public async Task PromoteToKnowledge_ByAnExpert_IsForbidden_AndBeforePublishing_IsAConflict()
    {
        var (database, expert, id, _) = await AnsweredAsync();
        await using var _ = database;
        var answers = database.Get<PublishedAnswersService>();
        var coordinator = await database.CreateUserAsync("Cleo Coordinator", Roles.Coordinator);

        await Assert.ThrowsAsync<ConflictException>(() => answers.PromoteToKnowledgeAsync(coordinator, id));
        await answers.PublishAsync(expert, id, new PublishInput(PublicQuestion, [], []));
        await Assert.ThrowsAsync<ForbiddenException>(() => answers.PromoteToKnowledgeAsync(expert, id));
    }
}
