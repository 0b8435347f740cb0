using System.Net;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>
/// Sign-in with a Microsoft work account, end to end against the stub provider: the real Identity.Web handler validates
/// what the stub signs, and the app decides which account it opens.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MicrosoftSignInHttpTests(AppHost app, MicrosoftSignInHost entra) : IClassFixture<MicrosoftSignInHost>
{
    private const string Password = "linked-password-2026";
    private const string Button = "Sign in with a Microsoft work or school account";

    [Fact]
    public async Task WithoutAzureAd_TheSignInPageHasNoMicrosoftButton_AndThereIsNoChallengeToStart()
    {
        var client = app.NewClient();
        var page = await client.GetStringAsync("/account/signin");

        var challenge = await client.PostAsync("/account/microsoft/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(page),
        }));

        Assert.DoesNotContain(Button, page);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Contains(Button, await entra.NewClient().GetStringAsync("/account/signin"));
    }

    [Fact]
    public async Task FirstSignIn_CreatesAPendingAccountWithItsEmailConfirmed_AndTheNextOneOpensTheSameAccount()
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org");
        var client = entra.NewClient();

        var first = await entra.SignInWithMicrosoftAsync(client, account);

        Assert.Equal("/account/pending", first.Headers.Location!.ToString());
        var user = await FindUserAsync(account.Email);
        Assert.NotNull(user);
        Assert.Equal(ApprovalStatus.Pending, user.ApprovalStatus);
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal("Erika Entra", user.DisplayName);
        Assert.Empty(await RolesOfAsync(user.Id));
        Assert.Equal([$"{account.TenantId}/{account.ObjectId}"], await LoginKeysAsync(user.Id));
        // Signed in, and waiting for a coordinator at once: the verified address needs no confirmation email.
        Assert.Contains("Your account is awaiting approval", await client.GetStringAsync("/account/pending"));

        var again = await entra.SignInWithMicrosoftAsync(entra.NewClient(), account, returnUrl: "/account");

        Assert.Equal("/account", again.Headers.Location!.ToString());
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == account.Email));
    }

    [Fact]
    public async Task AnAddressListedAsAVerifiedPrimaryEmail_CountsAsVerified()
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org") with { VerifiedAsPrimaryEmail = true };

        var signedIn = await entra.SignInWithMicrosoftAsync(entra.NewClient(), account);

        Assert.Equal("/account/pending", signedIn.Headers.Location!.ToString());
        Assert.True((await FindUserAsync(account.Email))!.EmailConfirmed);
    }

    [Fact]
    public async Task FirstSignIn_WithTheEmailOfALocalAccount_LinksIt_ThePasswordStillWorks_AndTheLinkCanBeRemoved()
    {
        var email = await CreateLocalAccountAsync(emailConfirmed: true);
        var account = StubAccount.New(email);
        var client = entra.NewClient();

        var signedIn = await entra.SignInWithMicrosoftAsync(client, account, returnUrl: "/account");

        Assert.Equal("/account", signedIn.Headers.Location!.ToString());
        var user = (await FindUserAsync(email))!;
        Assert.Equal([$"{account.TenantId}/{account.ObjectId}"], await LoginKeysAsync(user.Id));
        Assert.Equal(ApprovalStatus.Approved, user.ApprovalStatus);
        var withPassword = entra.NewClient();
        await AppHost.SignInAsync(withPassword, email, Password);

        var accountPage = await client.GetStringAsync("/account");
        Assert.Contains("Remove the Microsoft sign-in", accountPage);
        var removed = await client.PostAsync("/account/signins/remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(accountPage),
            ["provider"] = "Microsoft",
            ["key"] = $"{account.TenantId}/{account.ObjectId}",
        }));

        Assert.Equal("/account?signins=removed", removed.Headers.Location!.ToString());
        Assert.Empty(await LoginKeysAsync(user.Id));
        Assert.Contains("The sign-in was removed", await client.GetStringAsync("/account?signins=removed"));
    }

    [Fact]
    public async Task AnAccountWithoutAPassword_CannotRemoveItsOnlySignIn()
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org");
        var client = entra.NewClient();
        await entra.SignInWithMicrosoftAsync(client, account);
        var accountPage = await client.GetStringAsync("/account");
        Assert.DoesNotContain("Remove the Microsoft sign-in", accountPage);

        var refused = await client.PostAsync("/account/signins/remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(accountPage),
            ["provider"] = "Microsoft",
            ["key"] = $"{account.TenantId}/{account.ObjectId}",
        }));

        Assert.Equal("/account?signins=password-needed", refused.Headers.Location!.ToString());
        Assert.Single(await LoginKeysAsync((await FindUserAsync(account.Email))!.Id));
    }

    [Fact]
    public async Task AReturnUrlToAnotherSite_EndsTheSignInOnThisSite()
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org");
        await entra.SignInWithMicrosoftAsync(entra.NewClient(), account);

        var signedIn = await entra.SignInWithMicrosoftAsync(entra.NewClient(), account, returnUrl: "//evil.example/account");

        Assert.Equal("/", signedIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ALinkedAccountWithTwoFactorOn_AsksForTheCode_BeforeItOpens()
    {
        var email = await CreateLocalAccountAsync(emailConfirmed: true);
        string key;
        using (var scope = entra.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        var client = entra.NewClient();

        var signedIn = await entra.SignInWithMicrosoftAsync(client, StubAccount.New(email), returnUrl: "/account");

        Assert.StartsWith("/account/signin-2fa", signedIn.Headers.Location!.ToString());
        await AssertSignedOutAsync(client);
        var code = await AppHost.PostFormAsync(client, "/account/signin-2fa?returnUrl=%2Faccount", "authenticator",
            new Dictionary<string, string> { ["Code.Value"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Theory]
    [InlineData(TokenFault.Tampered)]
    [InlineData(TokenFault.Expired)]
    public async Task ATokenThatCannotBeTrusted_ShowsTheMessage_AndCreatesNothing(TokenFault fault)
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org", fault: fault);
        var client = entra.NewClient();

        var refused = await entra.SignInWithMicrosoftAsync(client, account);

        Assert.Equal("/account/microsoft/failed?reason=invalid", refused.Headers.Location!.ToString());
        Assert.Contains("could not be trusted", await client.GetStringAsync(refused.Headers.Location));
        Assert.Null(await FindUserAsync(account.Email));
        Assert.Null(await FindUserAsync($"tampered-{account.Email}"));
        await AssertNoLoginAsync(account);
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task AnUnverifiedEmail_ShowsTheMessage_AndCreatesOrLinksNothing()
    {
        var email = await CreateLocalAccountAsync(emailConfirmed: true);
        var stranger = StubAccount.New($"{Guid.NewGuid():N}@city.example.org", emailVerified: false);
        var local = StubAccount.New(email, emailVerified: false);
        var client = entra.NewClient();

        var first = await entra.SignInWithMicrosoftAsync(client, stranger);
        var second = await entra.SignInWithMicrosoftAsync(client, local);

        Assert.Equal("/account/microsoft/failed?reason=unverified", first.Headers.Location!.ToString());
        Assert.Equal("/account/microsoft/failed?reason=unverified", second.Headers.Location!.ToString());
        var page = await client.GetStringAsync(first.Headers.Location);
        Assert.Contains("did not give an email address that your organisation has verified", page);
        Assert.Contains("No account was created and nothing was linked.", page);
        Assert.Null(await FindUserAsync(stranger.Email));
        await AssertNoLoginAsync(stranger);
        await AssertNoLoginAsync(local);
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task AMicrosoftAccountLinkedToOneAccount_WithTheEmailOfAnother_IsRefused_AndNothingChanges()
    {
        var microsoft = StubAccount.New($"{Guid.NewGuid():N}@city.example.org");
        await entra.SignInWithMicrosoftAsync(entra.NewClient(), microsoft);
        var otherEmail = await CreateLocalAccountAsync(emailConfirmed: true);
        var client = entra.NewClient();

        var refused = await entra.SignInWithMicrosoftAsync(client, microsoft with { Email = otherEmail });

        Assert.Equal("/account/microsoft/failed?reason=linked-elsewhere", refused.Headers.Location!.ToString());
        Assert.Contains("already linked to another account here", await client.GetStringAsync(refused.Headers.Location));
        Assert.Empty(await LoginKeysAsync((await FindUserAsync(otherEmail))!.Id));
        Assert.Single(await LoginKeysAsync((await FindUserAsync(microsoft.Email))!.Id));
        await AssertSignedOutAsync(client);
    }

    private async Task<string> CreateLocalAccountAsync(bool emailConfirmed)
    {
        var email = $"{Guid.NewGuid():N}@city.example.org";
        using var scope = entra.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = "Lena Local", City = "Lund", Organisation = "Lund",
            ApprovalStatus = ApprovalStatus.Approved, RegisteredAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Practitioner);
        return email;
    }

    private async Task<HrcDbContext> DbAsync() =>
        await entra.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();

    private async Task<AppUser?> FindUserAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<List<string>> LoginKeysAsync(string userId)
    {
        await using var db = await DbAsync();
        return await db.UserLogins.Where(l => l.UserId == userId && l.LoginProvider == "Microsoft").Select(l => l.ProviderKey).ToListAsync();
    }

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var db = await DbAsync();
        return await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync();
    }

    private async Task AssertNoLoginAsync(StubAccount account)
    {
        await using var db = await DbAsync();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey == $"{account.TenantId}/{account.ObjectId}"));
    }

    /// <summary>Neither signed in nor holding the provider's answer: the account page sends the client to sign in.</summary>
    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", new Uri(new Uri("https://localhost"), response.Headers.Location!).PathAndQuery);
    }
}
