using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Accounts;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class AccountProfileTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public AccountProfileTests(SqliteDatabase database) => _database = database;

    private AccountProfileService Profiles => _database.Get<AccountProfileService>();

    [Fact]
    public async Task Update_SavesTheTrimmedProfile()
    {
        var member = await _database.CreateUserAsync("Profile Person", Roles.Practitioner);

        await Profiles.UpdateAsync(member, new ProfileEdit("  Profile Renamed ", "Vienna", "City of Vienna"));

        var profile = await Profiles.GetAsync(member);
        Assert.Equal(("Profile Renamed", "Vienna", "City of Vienna"), (profile.DisplayName, profile.City, profile.Organisation));
        Assert.Equal(["Practitioner"], profile.Roles);
    }

    [Fact]
    public async Task Update_WithEmptyOrOversizedFields_ListsEveryProblem_AndSavesNothing()
    {
        var member = await _database.CreateUserAsync("Careful Person", Roles.Practitioner);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Profiles.UpdateAsync(member, new ProfileEdit("", new string('x', 101), "Org")));

        Assert.Equal(["city", "displayName"], error.Errors.Keys.Order());
        Assert.Equal("Careful Person", (await Profiles.GetAsync(member)).DisplayName);
    }

    [Fact]
    public async Task Get_ForAnonymous_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Profiles.GetAsync(Actor.Anonymous));
}
