using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>Which local account an identity provider's sign-in opens, on real SQLite.</summary>
[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class ExternalSignInServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public ExternalSignInServiceTests(SqliteDatabase database) => _database = database;

    private static ExternalIdentity Microsoft(string email, bool verified = true) =>
        new("Microsoft", $"{Guid.NewGuid()}/{Guid.NewGuid()}", "Microsoft", email, verified, "Mira Microsoft");

    [Fact]
    public async Task Resolve_ANewVerifiedAddress_CreatesAPendingConfirmedAccountWithTheLogin()
    {
        var identity = Microsoft($"{Guid.NewGuid():N}@example.org");

        var account = await ResolveAsync(identity);

        Assert.True(account.Created);
        await using var db = _database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == account.UserId);
        Assert.Equal((ApprovalStatus.Pending, true, "Mira Microsoft"), (user.ApprovalStatus, user.EmailConfirmed, user.DisplayName));
        Assert.Equal(identity.Email!.ToUpperInvariant(), user.NormalizedUserName);
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.ProviderKey == identity.Key));
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == user.Id));
    }

    [Theory]
    [InlineData(false, "someone@example.org")]
    [InlineData(true, null)]
    [InlineData(true, "not an address")]
    public async Task Resolve_WithoutAVerifiedAddress_IsRefused_AndCreatesNothing(bool verified, string? email)
    {
        var identity = Microsoft(email!, verified) with { Email = email };

        var refused = await Assert.ThrowsAsync<ExternalSignInRefusedException>(() => ResolveAsync(identity));

        Assert.Equal(ExternalSignInRefusal.UnverifiedEmail, refused.Reason);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == identity.Key));
    }

    [Fact]
    public async Task Resolve_LinkingAnAccountWhoseAddressWasNeverConfirmed_DropsThePasswordWhoeverRegisteredItChose()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        string userId;
        using (var scope = _database.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var squatter = new AppUser { UserName = email, Email = email, DisplayName = "Squatter", RegisteredAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(squatter, "Squatters-password-1")).Succeeded);
            userId = squatter.Id;
        }

        var account = await ResolveAsync(Microsoft(email));

        Assert.Equal((userId, false), (account.UserId, account.Created));
        await using var db = _database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Null(user.PasswordHash);
        Assert.True(user.EmailConfirmed);
    }

    [Fact]
    public async Task Resolve_AnAccountAlreadyLinkedToAnotherMicrosoftAccount_IsRefused_AndNothingIsLinked()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var first = await ResolveAsync(Microsoft(email));
        var second = Microsoft(email);

        var refused = await Assert.ThrowsAsync<ExternalSignInRefusedException>(() => ResolveAsync(second));

        Assert.Equal(ExternalSignInRefusal.AccountLinkedElsewhere, refused.Reason);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == first.UserId));
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == second.Key));
    }

    [Fact]
    public async Task RemoveLinkedSignIn_IsRefusedWhileTheAccountHasNoPassword()
    {
        var identity = Microsoft($"{Guid.NewGuid():N}@example.org");
        var account = await ResolveAsync(identity);
        var actor = new Actor(account.UserId, "Mira Microsoft", new HashSet<string>(), false);
        using var scope = _database.Services.CreateScope();
        var security = scope.ServiceProvider.GetRequiredService<AccountSecurityService>();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => security.RemoveLinkedSignInAsync(actor, identity.Provider, identity.Key));

        Assert.Contains("login", refused.Errors.Keys);
        Assert.Single((await security.GetLinkedSignInsAsync(actor)).SignIns);
    }

    private async Task<ExternalAccount> ResolveAsync(ExternalIdentity identity)
    {
        using var scope = _database.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExternalSignInService>().ResolveAsync(identity);
    }
}
