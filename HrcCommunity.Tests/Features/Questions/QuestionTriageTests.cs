using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Questions.QuestionsTestData;

namespace HrcCommunity.Tests.Features.Questions;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class QuestionTriageTests
{
    [Fact]
    public async Task Claim_TwoExpertsAtOnce_ExactlyOneWins_AndTheOtherIsToldWhoHoldsIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var anna = await database.CreateUserAsync("Anna Expert", Roles.Expert);
        var bo = await database.CreateUserAsync("Bo Expert", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();

        for (var round = 0; round < 5; round++)
        {
            var id = await AskAsync(database, Submission(), $"198.51.100.{round}");
            var results = await Task.WhenAll(Attempt(() => triage.ClaimAsync(anna, id)), Attempt(() => triage.ClaimAsync(bo, id)));

            Assert.Single(results, r => r is null);
            var conflict = Assert.IsType<ConflictException>(Assert.Single(results, r => r is not null));
            var detail = await triage.GetAsync(anna, id);
            Assert.Equal(QuestionState.Claimed, detail.State);
            Assert.Contains(detail.HolderName!, conflict.Message);
            Assert.Contains("already claimed", conflict.Message);
        }

        static async Task<Exception?> Attempt(Func<Task> claim)
        {
            try { await claim(); return null; }
            catch (Exception ex) { return ex; }
        }
    }

    [Fact]
    public async Task Claim_WhenAlreadyClaimed_TellsWhoHoldsIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var anna = await database.CreateUserAsync("Anna Expert", Roles.Expert);
        var bo = await database.CreateUserAsync("Bo Expert", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();
        var id = await AskAsync(database);

        await triage.ClaimAsync(anna, id);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => triage.ClaimAsync(bo, id));

        Assert.Equal("Anna Expert has already claimed this question.", refused.Message);
    }

    [Fact]
    public async Task Claim_ByAPractitioner_IsForbidden()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var practitioner = await database.CreateUserAsync("Pia", Roles.Practitioner);
        var id = await AskAsync(database);

        await Assert.ThrowsAsync<ForbiddenException>(() => database.Get<QuestionTriageService>().ClaimAsync(practitioner, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => database.Get<QuestionTriageService>().GetAsync(practitioner, id));
    }

    [Fact]
    public async Task SaveDraft_TwoExpertsEditingAtOnce_TheSecondGetsAConflict_NotASilentOverwrite()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var holder = await database.CreateUserAsync("Hana Holder", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var triage = database.Get<QuestionTriageService>();
        var id = await AskAsync(database);
        await triage.ClaimAsync(holder, id);
        var loadedVersion = (await triage.GetAsync(holder, id)).Version;

        await triage.SaveDraftAsync(holder, id, Draft(loadedVersion, "The holder's text."));
        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            triage.SaveDraftAsync(coordinator, id, Draft(loadedVersion, "The coordinator's text.")));

        Assert.Contains("Someone else changed this question", refused.Message);
        Assert.Equal("The holder's text.", (await triage.GetAsync(holder, id)).Answer);
        await Assert.ThrowsAsync<ConflictException>(() => triage.SendAnswerAsync(coordinator, id, Draft(loadedVersion)));
    }

    [Fact]
    public async Task SaveDraft_ByAnExpertWhoDoesNotHoldTheQuestion_IsRefusedNamingTheHolder()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var holder = await database.CreateUserAsync("Hana Holder", Roles.Expert);
        var other = await database.CreateUserAsync("Otto Other", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();
        var id = await AskAsync(database);
        await triage.ClaimAsync(holder, id);
        var version = (await triage.GetAsync(other, id)).Version;

        var refused = await Assert.ThrowsAsync<ConflictException>(() => triage.SaveDraftAsync(other, id, Draft(version)));

        Assert.Contains("Hana Holder holds this question", refused.Message);
    }

    [Fact]
    public async Task SendAnswer_EmailsTheAskerWithTheAnswerAndTheirStatusLink_AndLogsEveryStep()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var triage = database.Get<QuestionTriageService>();
        var submission = Submission();
        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, submission, "203.0.113.9");
        await ConfirmEmailAsync(database, submission.Email);
        await triage.ClaimAsync(expert, receipt.QuestionId);
        var version = (await triage.GetAsync(expert, receipt.QuestionId)).Version;

        await triage.SendAnswerAsync(expert, receipt.QuestionId, Draft(version));

        await using var db = database.CreateDbContext();
        var mails = await db.OutboxEmails.Where(m => m.To == submission.Email).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["questions/confirm", "questions/received", "questions/answered"], mails.Select(m => m.Category));
        Assert.Contains("Give it a clear mandate", mails[2].TextBody);
        Assert.Contains($"/questions/status/{receipt.StatusToken}", mails[1].TextBody);
        Assert.Contains($"/questions/status/{receipt.StatusToken}", mails[2].TextBody);
        var status = await database.Get<QuestionIntakeService>().GetStatusAsync(receipt.StatusToken);
        Assert.Equal(QuestionState.Answered, status.State);
        Assert.Contains("clear mandate", status.AnswerHtml);

        var log = (await triage.GetAsync(coordinator, receipt.QuestionId)).Log;
        Assert.Equal([QuestionAction.Ask, QuestionAction.ConfirmEmail, QuestionAction.Claim, QuestionAction.SendAnswer], log.Select(l => l.Action));
        Assert.Equal("Emma Expert", log[3].ActorName);
        Assert.Empty((await triage.GetAsync(expert, receipt.QuestionId)).Log);
    }

    [Fact]
    public async Task ReleaseAndReassign_FollowTheRules_AndOnlyCoordinatorsReassign()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var anna = await database.CreateUserAsync("Anna Expert", Roles.Expert);
        var bo = await database.CreateUserAsync("Bo Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var triage = database.Get<QuestionTriageService>();
        var id = await AskAsync(database);
        await triage.ClaimAsync(anna, id);

        await Assert.ThrowsAsync<ConflictException>(() => triage.ReleaseAsync(bo, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => triage.ReassignAsync(anna, id, bo.UserId!));
        await triage.ReassignAsync(coordinator, id, bo.UserId!);
        Assert.Equal("Bo Expert", (await triage.GetAsync(bo, id)).HolderName);

        await triage.ReleaseAsync(bo, id);
        var released = await triage.GetAsync(coordinator, id);
        Assert.Equal(QuestionState.New, released.State);
        Assert.Null(released.HolderName);
        Assert.Contains(released.Log, l => l.Action == QuestionAction.Reassign && l.Detail == "from Anna Expert to Bo Expert");
    }

    [Fact]
    public async Task Notes_AreForExpertsOnly_AndNeverOnTheAskersStatusPage()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();
        var receipt = await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, Submission(), "203.0.113.10");

        await triage.AddNoteAsync(expert, receipt.QuestionId, "Internal: check with the Graz office first.");

        Assert.Equal("Internal: check with the Graz office first.", Assert.Single((await triage.GetAsync(expert, receipt.QuestionId)).Notes).Text);
        var status = await database.Get<QuestionIntakeService>().GetStatusAsync(receipt.StatusToken);
        Assert.DoesNotContain("Graz office", System.Text.Json.JsonSerializer.Serialize(status));
        await Assert.ThrowsAsync<ForbiddenException>(() => triage.AddNoteAsync(Actor.Anonymous, receipt.QuestionId, "x"));
    }

    [Fact]
    public async Task QueueChanges_ArePublishedLive_AfterTheyAreSaved()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var statesWhenHeard = new List<(QuestionState Published, QuestionState Saved)>();
        using var heard = new LiveRecorder<QuestionChanged>(database.Get<ILiveNotifier<QuestionChanged>>(), QuestionChanged.QueueTopic, async changed =>
        {
            // Subscribers reload from the database: the change must already be there.
            var item = (await database.Get<QuestionTriageService>().ListQueueAsync(expert, new QueueFilter())).Single(i => i.Id == changed.QuestionId);
            statesWhenHeard.Add((changed.State, item.State));
        });

        var id = await AskAsync(database);
        await heard.WaitForAsync(1);
        await database.Get<QuestionTriageService>().ClaimAsync(expert, id);

        Assert.Equal([QuestionAction.Ask, QuestionAction.Claim], (await heard.WaitForAsync(2)).Select(h => h.Action));
        Assert.All(statesWhenHeard, s => Assert.Equal(s.Published, s.Saved));
    }

    [Fact]
    public async Task Queue_FiltersByStateTopicAndHolder()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var triage = database.Get<QuestionTriageService>();
        var mine = await AskAsync(database);
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var other = await AskAsync(database, Submission() with { Topic = "participation" });
        await triage.ClaimAsync(expert, mine);

        Assert.Equal([mine], (await triage.ListQueueAsync(expert, new QueueFilter(Mine: true))).Select(i => i.Id));
        Assert.Equal([other], (await triage.ListQueueAsync(expert, new QueueFilter(State: QuestionState.New))).Select(i => i.Id));
        Assert.Equal([other], (await triage.ListQueueAsync(expert, new QueueFilter(Topic: "participation"))).Select(i => i.Id));
        Assert.Equal([other, mine], (await triage.ListQueueAsync(expert, new QueueFilter(), new ListRequest(Sort: "asked", Descending: true))).Select(i => i.Id));
    }
}
