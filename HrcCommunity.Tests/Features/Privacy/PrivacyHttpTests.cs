using System.Net;
using System.Text.RegularExpressions;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Privacy;

/// <summary>Download my data and delete my account through the real pages, the background job and the outbox.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PrivacyHttpTests(AppHost app)
{
    private const string Password = "Privacy-Http-Password-2026";

    [Fact]
    public async Task ArchiveLink_OpensForItsOwner_AndIsNotFoundForAnotherUser()
    {
        var email = await app.CreatePractitionerAsync("Archive Owner", Password);
        var owner = app.NewClient();
        await AppHost.SignInAsync(owner, email, Password);

        var requested = await AppHost.PostFormAsync(owner, "/account/data", "export", new Dictionary<string, string>());
        Assert.Contains("We are preparing your archive", await requested.Content.ReadAsStringAsync());
        var path = new Uri(ArchiveLink().Match(await WaitForEmailAsync(email, "privacy/export-ready")).Groups[1].Value).PathAndQuery;

        var own = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/zip", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await own.Content.ReadAsByteArrayAsync())[..2]);

        var someoneElse = await app.ClientAsync(Persona.Expert);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_WithThePassword_RemovesTheAccount_AndSignsOut()
    {
        var email = await app.CreatePractitionerAsync("Leaving Person", Password);
        var client = app.NewClient();
        await AppHost.SignInAsync(client, email, Password);

        var wrong = await AppHost.PostFormAsync(client, "/account/delete", "delete-account", Fields("not-my-password"));
        Assert.Contains("That is not your password", await wrong.Content.ReadAsStringAsync());

        var deleted = await AppHost.PostFormAsync(client, "/account/delete", "delete-account", Fields(Password));
        Assert.Contains("Your account is deleted", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task PrivacyPage_NamesTheController_AndEveryFormThatCollectsPersonalDataLinksToIt()
    {
        var privacy = await app.NewClient().GetStringAsync("/privacy");
        Assert.Contains("<strong>Human Rights Cities Network</strong>", privacy);
        Assert.Contains("How long we keep it", privacy);

        foreach (var form in new[] { "/account/register", "/questions/ask" })
            Assert.Contains("href=\"/privacy\"", await app.NewClient().GetStringAsync(form));
        var practitioner = await app.ClientAsync(Persona.Practitioner);
        Assert.Contains("href=\"/account/delete\"", await practitioner.GetStringAsync("/account"));
        Assert.Contains("href=\"/privacy\"", await practitioner.GetStringAsync("/account/notifications"));
    }

    private static Dictionary<string, string> Fields(string secret) => new()
    {
        ["Input.Secret"] = secret, ["Input.Contributions"] = "delete", ["Input.Confirm"] = "true",
    };

    /// <summary>The archive is built by a Hangfire job in the app, so the email comes a moment later.</summary>
    private async Task<string> WaitForEmailAsync(string to, string category)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var body = await db.OutboxEmails.Where(e => e.To == to && e.Category == category).Select(e => e.TextBody).FirstOrDefaultAsync();
            if (body is not null) return body;
            await Task.Delay(500);
        }
        throw new TimeoutException($"No {category} email reached {to}.");
    }

    [GeneratedRegex(@"(https?://\S+/account/data/[0-9a-f]+)")]
    private static partial Regex ArchiveLink();
}
