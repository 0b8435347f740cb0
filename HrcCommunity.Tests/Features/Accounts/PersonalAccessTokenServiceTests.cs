using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Accounts;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class PersonalAccessTokenServiceTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private PersonalAccessTokenService Tokens => database.Get<PersonalAccessTokenService>();

    [Fact]
    public async Task Create_GivesASecretThatVerifiesAsItsOwner_AndStoresOnlyItsHash()
    {
        var member = await database.CreateUserAsync("Token Maker", Roles.Practitioner);

        var created = await Tokens.CreateAsync(member, "Meeting room screen", TokenScope.Read, 90);
        var owner = await Tokens.VerifyAsync(created.Secret);

        Assert.Equal(new TokenOwner(created.Id, member.UserId!, TokenScope.Read), owner);
        await using var db = database.CreateDbContext();
        var stored = await db.PersonalAccessTokens.SingleAsync(t => t.Id == created.Id);
        Assert.DoesNotContain(stored.SecretHash, created.Secret);
        Assert.StartsWith($"hrc_{stored.Prefix}_", created.Secret);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime.AddDays(90), stored.ExpiresAt);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hrc_00000000_notarealsecretnotarealsecretnotarealsecret00")]
    [InlineData("Bearer something")]
    public async Task Verify_AnUnknownOrMalformedSecret_IsNobody(string? secret) =>
        Assert.Null(await Tokens.VerifyAsync(secret));

    [Fact]
    public async Task Verify_ATamperedSecretWithAKnownPrefix_IsNobody()
    {
        var member = await database.CreateUserAsync("Tamper Member", Roles.Practitioner);
        var created = await Tokens.CreateAsync(member, "Script", TokenScope.Read, 30);

        Assert.Null(await Tokens.VerifyAsync(created.Secret[..^1] + (created.Secret[^1] == 'a' ? 'b' : 'a')));
    }

    [Fact]
    public async Task Create_ByAPendingAccount_IsRefused()
    {
        var pending = await database.CreateUserAsync("Token Pending", ApprovalStatus.Pending);

        await Assert.ThrowsAsync<ForbiddenException>(() => Tokens.CreateAsync(pending, "Script", TokenScope.Read, 30));
    }

    [Theory]
    [InlineData("", 30, "name")]
    [InlineData("   ", 30, "name")]
    [InlineData("x", 31, "expiry")]
    public async Task Create_WithoutANameOrWithAnUnofferedExpiry_SaysWhatIsWrong(string name, int days, string field)
    {
        var member = await database.CreateUserAsync("Token Validation", Roles.Practitioner);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Tokens.CreateAsync(member, name, TokenScope.Read, days));

        Assert.True(error.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task Create_WithATooLongName_IsRefused()
    {
        var member = await database.CreateUserAsync("Token Long Name", Roles.Practitioner);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Tokens.CreateAsync(member, new string('n', PersonalAccessToken.NameMax + 1), TokenScope.Read, 30));

        Assert.Contains("at most", error.Message);
    }

    [Fact]
    public async Task Create_BeyondTheActiveLimit_IsRefused_UntilOneIsRevoked()
    {
        var member = await database.CreateUserAsync("Token Collector", Roles.Practitioner);
        var first = await Tokens.CreateAsync(member, "Token 0", TokenScope.Read, 30);
        for (var i = 1; i < PersonalAccessTokenService.MaxActivePerUser; i++)
            await Tokens.CreateAsync(member, $"Token {i}", TokenScope.Read, 30);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Tokens.CreateAsync(member, "One too many", TokenScope.Read, 30));
        Assert.Contains("revoke one", error.Message);

        await Tokens.RevokeAsync(member, first.Id);
        await Tokens.CreateAsync(member, "Replacement", TokenScope.Read, 30);
    }

    [Fact]
    public async Task Revoke_StopsTheToken_AndOnlyTheOwnerOrAnAdminMayRevoke()
    {
        var owner = await database.CreateUserAsync("Token Owner", Roles.Practitioner);
        var other = await database.CreateUserAsync("Token Stranger", Roles.Expert);
        var admin = await database.CreateUserAsync("Token Admin", Roles.Admin);
        var mine = await Tokens.CreateAsync(owner, "Mine", TokenScope.ReadAndPost, 30);
        var second = await Tokens.CreateAsync(owner, "Second", TokenScope.Read, 30);

        await Assert.ThrowsAsync<NotFoundException>(() => Tokens.RevokeAsync(other, mine.Id));
        Assert.NotNull(await Tokens.VerifyAsync(mine.Secret));

        await Tokens.RevokeAsync(owner, mine.Id);
        await Tokens.RevokeAsync(admin, second.Id);

        Assert.Null(await Tokens.VerifyAsync(mine.Secret));
        Assert.Null(await Tokens.VerifyAsync(second.Secret));
        Assert.All(await Tokens.ListMineAsync(owner), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task ListActive_IsForAdminsOnly_AndShowsOwners()
    {
        var owner = await database.CreateUserAsync("Listed Owner", Roles.Practitioner);
        var admin = await database.CreateUserAsync("Listing Admin", Roles.Admin);
        var created = await Tokens.CreateAsync(owner, "Listed", TokenScope.Read, 365);

        await Assert.ThrowsAsync<ForbiddenException>(() => Tokens.ListActiveAsync(owner));
        var row = Assert.Single(await Tokens.ListActiveAsync(admin), t => t.Id == created.Id);
        Assert.Equal("Listed Owner", row.OwnerName);
    }

    [Fact]
    public async Task Verify_AfterTheExpiry_IsNobody()
    {
        await using var own = await SqliteDatabase.CreateAsync();
        var tokens = own.Get<PersonalAccessTokenService>();
        var member = await own.CreateUserAsync("Expiring Member", Roles.Practitioner);
        var created = await tokens.CreateAsync(member, "Short lived", TokenScope.Read, 30);

        own.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await tokens.VerifyAsync(created.Secret));
        own.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await tokens.VerifyAsync(created.Secret));
        Assert.Equal("Short lived", Assert.Single(await tokens.ListMineAsync(member)).Name);
    }

    [Fact]
    public async Task ActiveAmong_LeavesOutRevokedExpiredAndUnknownTokens_HoweverManyAreAsked()
    {
        await using var own = await SqliteDatabase.CreateAsync();
        var tokens = own.Get<PersonalAccessTokenService>();
        var member = await own.CreateUserAsync("Token Bulk", Roles.Practitioner);
        var kept = await tokens.CreateAsync(member, "Kept", TokenScope.Read, 365);
        var revoked = await tokens.CreateAsync(member, "Revoked", TokenScope.Read, 90);
        var expiring = await tokens.CreateAsync(member, "Expiring", TokenScope.Read, 30);
        await tokens.RevokeAsync(member, revoked.Id);
        own.Clock.Advance(TimeSpan.FromDays(31));
        // More ids than one query takes, with the real ones in different chunks.
        var asked = Enumerable.Range(1_000_000, 2 * BulkReads.IdsPerQuery).Prepend(kept.Id).Append(revoked.Id).Append(expiring.Id).ToList();

        var active = await tokens.ActiveAmongAsync(asked);

        Assert.Equal([kept.Id], active);
    }
}
