using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Accounts;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class UserAdministrationTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public UserAdministrationTests(SqliteDatabase database) => _database = database;

    private UserAdministrationService Administration => _database.Get<UserAdministrationService>();

    [Fact]
    public async Task SetRole_GrantsAndRevokesARole_OfAnApprovedAccount()
    {
        var admin = await _database.CreateUserAsync("Grant Admin", Roles.Admin);
        var member = await _database.CreateUserAsync("Grant Member", Roles.Practitioner);

        await Administration.SetRoleAsync(admin, member.UserId!, Roles.Expert, granted: true);
        Assert.Contains(Roles.Expert, await RolesOf(admin, "Grant Member"));

        await Administration.SetRoleAsync(admin, member.UserId!, Roles.Expert, granted: false);
        Assert.DoesNotContain(Roles.Expert, await RolesOf(admin, "Grant Member"));
    }

    [Fact]
    public async Task SetRole_OnAPendingAccount_AsksToApproveItFirst()
    {
        var admin = await _database.CreateUserAsync("Pending Admin", Roles.Admin);
        var pending = await _database.CreateUserAsync("Still Pending", ApprovalStatus.Pending);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Administration.SetRoleAsync(admin, pending.UserId!, Roles.Expert, true));

        Assert.Contains("approve it first", error.Message);
    }

    [Fact]
    public async Task SetRole_RemovingYourOwnAdminRole_IsRefused()
    {
        var admin = await _database.CreateUserAsync("Self Admin", Roles.Admin);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Administration.SetRoleAsync(admin, admin.UserId!, Roles.Admin, false));

        Assert.Contains("your own Admin role", error.Message);
    }

    [Fact]
    public async Task SetRole_RemovingTheLastAdmin_IsRefused()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Only Admin", Roles.Admin);
        var helper = await database.CreateUserAsync("Helper Admin", Roles.Admin);
        var administration = database.Get<UserAdministrationService>();
        await administration.SetRoleAsync(admin, helper.UserId!, Roles.Admin, false);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => administration.SetRoleAsync(helper with { Roles = new HashSet<string> { Roles.Admin } }, admin.UserId!, Roles.Admin, false));

        Assert.Contains("at least one Admin", error.Message);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Practitioner)]
    public async Task SetRole_ByAnyoneButAnAdmin_IsForbidden(string role)
    {
        var someone = await _database.CreateUserAsync($"Not Admin {role}", role);
        var member = await _database.CreateUserAsync($"Target {role}", Roles.Practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => Administration.SetRoleAsync(someone, member.UserId!, Roles.Admin, true));
    }

    [Fact]
    public async Task SetRole_WithAnUnknownRole_SaysSo()
    {
        var admin = await _database.CreateUserAsync("Unknown Role Admin", Roles.Admin);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Administration.SetRoleAsync(admin, admin.UserId!, "Emperor", true));

        Assert.Contains("no role called Emperor", error.Message);
    }

    [Fact]
    public async Task List_FindsAccountsByNameOrCity_AndShowsTheirRoles()
    {
        var admin = await _database.CreateUserAsync("List Admin", Roles.Admin);
        await _database.CreateUserAsync("Zelda Unusualname", Roles.Expert);

        var page = await Administration.ListAsync(admin, "unusualname", new ListRequest());

        var row = Assert.Single(page);
        Assert.Equal(["Expert"], row.Roles);
    }

    private async Task<IReadOnlyList<string>> RolesOf(Actor admin, string name) =>
        (await Administration.ListAsync(admin, name, new ListRequest())).Single().Roles;

    [Fact]
    public async Task List_SortsByTheColumnAsked_PagesOnTheServer_AndShowsTheLastPageForOnePastTheEnd()
    {
        var admin = await _database.CreateUserAsync("Paging Admin", Roles.Admin);
        var term = $"Pagetest{Guid.NewGuid():N}"[..16];
        foreach (var letter in new[] { "b", "a", "c" }) await _database.CreateUserAsync($"{term} {letter}");

        var byNameDescending = await Administration.ListAsync(admin, term, new ListRequest(Page: 1, PageSize: 2, Sort: "name", Descending: true));
        var second = await Administration.ListAsync(admin, term, new ListRequest(Page: 2, PageSize: 2, Sort: "name", Descending: true));
        var pastTheEnd = await Administration.ListAsync(admin, term, new ListRequest(Page: 9, PageSize: 2, Sort: "name"));
        var unknownSort = await Administration.ListAsync(admin, term, new ListRequest(Sort: "passwordhash", Descending: false));

        Assert.Equal((3, 2), (byNameDescending.Total, byNameDescending.PageCount));
        Assert.Equal([$"{term} c", $"{term} b"], byNameDescending.Select(u => u.DisplayName));
        Assert.Equal([$"{term} a"], second.Select(u => u.DisplayName));
        Assert.Equal(2, pastTheEnd.Page);
        Assert.Equal([$"{term} c"], pastTheEnd.Select(u => u.DisplayName));
        Assert.Equal([$"{term} a", $"{term} b", $"{term} c"], unknownSort.Select(u => u.DisplayName));
    }
}
