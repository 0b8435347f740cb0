using System.Net;
using System.Text.RegularExpressions;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>Password reset and two-factor sign-in through the real pages, as a browser posts them.</summary>
[Collection(AppCollection.Name)]
public sealed partial class AccountSecurityHttpTests(AppHost app)
{
    private const string Password = "first-password-2026";

    [Fact]
    public async Task ForgotPassword_EmailsAResetLink_ThatSetsANewPassword_AndTheOldOneStopsWorking()
    {
        var email = await app.CreatePractitionerAsync("Reset Person", Password);
        var client = app.NewClient();

        var asked = await AppHost.PostFormAsync(client, "/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Contains("a link to reset its password is on its way", await asked.Content.ReadAsStringAsync());

        var link = ResetLink().Match(await LatestEmailBodyAsync(email, "accounts/password-reset")).Groups[1].Value;
        var resetPath = new Uri(link).PathAndQuery;
        var reset = await PostResetAsync(client, resetPath, email, code: null, "second-password-2026");

        Assert.Contains("Your password is changed", await reset.Content.ReadAsStringAsync());
        await AppHost.SignInAsync(app.NewClient(), email, "second-password-2026");
        await Assert.ThrowsAsync<InvalidOperationException>(() => AppHost.SignInAsync(app.NewClient(), email, Password));
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_AnswersTheSame_AndSendsNothing()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.org";

        var asked = await AppHost.PostFormAsync(app.NewClient(), "/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Contains("a link to reset its password is on its way", await asked.Content.ReadAsStringAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == email));
    }

    [Fact]
    public async Task ResetPassword_WithAForgedCode_SaysTheLinkIsNotValid()
    {
        var email = await app.CreatePractitionerAsync("Forged Reset", Password);
        var client = app.NewClient();
        var path = $"/account/reset-password?email={Uri.EscapeDataString(email)}&code=forged";

        var reset = await PostResetAsync(client, path, email, code: "forged", "second-password-2026");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("not valid or has expired", await reset.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoFactor_OnceEnabled_SignInAsksForTheAppsCode_AndAcceptsIt()
    {
        var email = await app.CreatePractitionerAsync("Two Factor Person", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);
        var setup = await client.GetStringAsync("/account/two-factor");
        var key = SharedKey().Match(setup).Groups[1].Value;

        var enabled = await AppHost.PostFormAsync(client, "/account/two-factor", "enable",
            new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Your recovery codes", enabledHtml);
        Assert.Contains("Two-factor sign-in is on", enabledHtml);

        var second = app.NewClient();
        var form = await second.GetStringAsync("/account/signin");
        var signIn = await second.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(form),
            ["_handler"] = "signin",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        Assert.StartsWith("/account/signin-2fa", new Uri(new Uri("http://localhost"), signIn.Headers.Location!).PathAndQuery);

        var wrong = await AppHost.PostFormAsync(second, "/account/signin-2fa", "authenticator", new Dictionary<string, string> { ["Code.Value"] = "000000" });
        Assert.Contains("did not match", await wrong.Content.ReadAsStringAsync());
        var right = await AppHost.PostFormAsync(second, "/account/signin-2fa", "authenticator",
            new Dictionary<string, string> { ["Code.Value"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorSetUpPage_KeepsTheSecurityStamp_SoOpeningItSignsNobodyOut()
    {
        var email = await app.CreatePractitionerAsync("Curious Person", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);
        var before = await SecurityStampAsync(email);

        var page = await client.GetStringAsync("/account/two-factor");

        Assert.Matches(SharedKey(), page);
        Assert.Equal(before, await SecurityStampAsync(email));
        Assert.Equal(SharedKey().Match(page).Groups[1].Value, SharedKey().Match(await client.GetStringAsync("/account/two-factor")).Groups[1].Value);
    }

    [Fact]
    public async Task TwoFactor_TurningOffOrNewRecoveryCodes_AskForThePasswordOrACurrentCode()
    {
        var email = await app.CreatePractitionerAsync("Proof Person", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);
        var key = SharedKey().Match(await client.GetStringAsync("/account/two-factor")).Groups[1].Value;
        await AppHost.PostFormAsync(client, "/account/two-factor", "enable",
            new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var bare = await AppHost.PostFormAsync(client, "/account/two-factor", "disable", new Dictionary<string, string>());
        var wrong = await AppHost.PostFormAsync(client, "/account/two-factor", "disable", new Dictionary<string, string> { ["Disable.Proof"] = "not-my-password" });
        var noCodes = await AppHost.PostFormAsync(client, "/account/two-factor", "new-codes", new Dictionary<string, string> { ["NewCodes.Proof"] = "000000" });

        Assert.Contains("Your password or a code from your app is required", await bare.Content.ReadAsStringAsync());
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("neither your password nor the code your app shows now", wrongHtml);
        Assert.Contains("Two-factor sign-in is on", wrongHtml);
        Assert.DoesNotContain("Your recovery codes", await noCodes.Content.ReadAsStringAsync());

        var codes = await AppHost.PostFormAsync(client, "/account/two-factor", "new-codes",
            new Dictionary<string, string> { ["NewCodes.Proof"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("Your recovery codes", await codes.Content.ReadAsStringAsync());
        var off = await AppHost.PostFormAsync(client, "/account/two-factor", "disable", new Dictionary<string, string> { ["Disable.Proof"] = Password });
        Assert.Contains("Turn on two-factor sign-in", await off.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoFactor_WithAWrongSetupCode_StaysOff_AndSaysWhy()
    {
        var email = await app.CreatePractitionerAsync("Wrong Code Person", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);

        var response = await AppHost.PostFormAsync(client, "/account/two-factor", "enable", new Dictionary<string, string> { ["Enable.Code"] = "123" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("That code did not match", html);
        Assert.Contains("Turn on two-factor sign-in", html);
    }

    [Fact]
    public async Task AccountPage_SavesTheProfile_AndTheHeaderShowsTheNewName()
    {
        var email = await app.CreatePractitionerAsync("Old Header Name", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);

        var saved = await AppHost.PostFormAsync(client, "/account", "profile", new Dictionary<string, string>
        {
            ["Profile.DisplayName"] = "New Header Name", ["Profile.City"] = "York", ["Profile.Organisation"] = "York Council",
        });

        Assert.Contains("Your profile is saved", await saved.Content.ReadAsStringAsync());
        Assert.Contains("New Header Name", await client.GetStringAsync("/about"));
    }

    /// <summary>Opens the reset link and posts a new password; the code is the link's own unless one is given.</summary>
    private static async Task<HttpResponseMessage> PostResetAsync(HttpClient client, string path, string email, string? code, string password)
    {
        var page = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(page),
            ["_handler"] = "reset",
            ["Input.Email"] = email,
            ["Input.Code"] = code ?? HiddenValue(page, "Input.Code"),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    private async Task<string?> SecurityStampAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
    }

    private async Task<string> LatestEmailBodyAsync(string to, string category)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        return await db.OutboxEmails.Where(e => e.To == to && e.Category == category).OrderByDescending(e => e.Id).Select(e => e.TextBody).FirstAsync();
    }

    private static string HiddenValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex(@"(https?://\S+/account/reset-password\S+)")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"data-shared-key[^>]*>([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();
}
