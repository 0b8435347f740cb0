using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Accounts;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class AccountApprovalTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public AccountApprovalTests(SqliteDatabase database) => _database = database;

    private AccountApprovalService Approvals => _database.Get<AccountApprovalService>();

    [Fact]
    public async Task Approve_MakesThePendingAccountAPractitioner_AndEmailsThem()
    {
        var coordinator = await _database.CreateUserAsync("Carla", Roles.Coordinator);
        var applicant = await _database.CreateUserAsync("Anna Applicant", ApprovalStatus.Pending);

        await Approvals.ApproveAsync(coordinator, applicant.UserId!);

        var status = await Approvals.GetStatusAsync(applicant.UserId!);
        Assert.Equal(ApprovalStatus.Approved, status.Status);
        Assert.Contains(Roles.Practitioner, status.Roles);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.OutboxEmails.AnyAsync(e => e.Category == "accounts/approved" && e.TextBody.Contains("Anna Applicant")));
    }

    [Fact]
    public async Task Approve_WhenTwoCoordinatorsDecideAtOnce_ExactlyOneWins_AndTheOtherIsToldWho()
    {
        var first = await _database.CreateUserAsync("First Coordinator", Roles.Coordinator);
        var second = await _database.CreateUserAsync("Second Coordinator", Roles.Coordinator);
        var applicant = await _database.CreateUserAsync("Race Applicant", ApprovalStatus.Pending);

        var outcomes = await Task.WhenAll(
            Outcome(() => Approvals.ApproveAsync(first, applicant.UserId!)),
            Outcome(() => Approvals.RejectAsync(second, applicant.UserId!, "duplicate")));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.Single(outcomes, o => o is not null);
        Assert.IsType<ConflictException>(loser);
        Assert.Contains("Coordinator", loser!.Message);
    }

    [Fact]
    public async Task ListPending_LeavesOutAccountsWhoseEmailIsNotConfirmed_AndApprovingOneIsRefusedClearly()
    {
        var coordinator = await _database.CreateUserAsync("Carla Confirm", Roles.Coordinator);
        var confirmed = await _database.CreateUserAsync("Confirmed Applicant", ApprovalStatus.Pending);
        var unconfirmed = await _database.CreateUserAsync("Unconfirmed Applicant", ApprovalStatus.Pending);
        await using (var db = _database.CreateDbContext())
            await db.Users.Where(u => u.Id == unconfirmed.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));

        var queue = await Approvals.ListPendingAsync(coordinator);

        Assert.Contains(queue, p => p.Id == confirmed.UserId && p.EmailConfirmed);
        Assert.DoesNotContain(queue, p => p.Id == unconfirmed.UserId);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Approvals.ApproveAsync(coordinator, unconfirmed.UserId!));
        Assert.Contains("not confirmed their email address", refused.Message);
        var status = await Approvals.GetStatusAsync(unconfirmed.UserId!);
        Assert.Equal((ApprovalStatus.Pending, false), (status.Status, status.EmailConfirmed));
        Assert.Empty(status.Roles);
    }

    [Fact]
    public async Task ListPending_RefusesAPractitioner()
    {
        var practitioner = await _database.CreateUserAsync("Pia", Roles.Practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => Approvals.ListPendingAsync(practitioner));
    }

    [Fact]
    public async Task Approve_PublishesToTheQueueAndToTheApplicantsOwnTopic()
    {
        var coordinator = await _database.CreateUserAsync("Carla Live", Roles.Coordinator);
        var applicant = await _database.CreateUserAsync("Live Applicant", ApprovalStatus.Pending);
        var notifier = _database.Get<ILiveNotifier<AccountChanged>>();
        var heard = new TaskCompletionSource<AccountChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = notifier.Subscribe(AccountChanged.AccountTopic(applicant.UserId!), e => { heard.TrySetResult(e.Change); return Task.CompletedTask; });

        await Approvals.ApproveAsync(coordinator, applicant.UserId!);

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ApprovalStatus.Approved, change.Status);
    }

    private static async Task<Exception?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task GetStatuses_GivesEachAccountsApprovalAndRoles_AndLeavesOutUnknownIds_HoweverManyAreAsked()
    {
        var expert = await _database.CreateUserAsync("Bulk Expert", Roles.Practitioner, Roles.Expert);
        var pending = await _database.CreateUserAsync("Bulk Pending", ApprovalStatus.Pending);
        // More ids than one query takes, with the real ones in different chunks.
        var asked = Enumerable.Range(0, 2 * BulkReads.IdsPerQuery).Select(i => $"no-such-account-{i}")
            .Prepend(expert.UserId!).Append(pending.UserId!).ToList();

        var statuses = await Approvals.GetStatusesAsync(asked);

        Assert.Equal(2, statuses.Count);
        Assert.Equal(ApprovalStatus.Approved, statuses[expert.UserId!].Status);
        Assert.Equal([Roles.Expert, Roles.Practitioner], statuses[expert.UserId!].Roles.Order());
        Assert.Equal(ApprovalStatus.Pending, statuses[pending.UserId!].Status);
        Assert.Empty(statuses[pending.UserId!].Roles);
    }
}
