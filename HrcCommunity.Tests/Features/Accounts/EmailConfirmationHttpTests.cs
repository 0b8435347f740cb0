using System.Text.RegularExpressions;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>A new account reaches the Coordinators' approval queue only once its email address is confirmed.</summary>
[Collection(AppCollection.Name)]
public sealed partial class EmailConfirmationHttpTests(AppHost app)
{
    [Fact]
    public async Task Register_AsksToConfirmTheEmail_TheLinkAgainIsLimited_AndOnlyAConfirmedAccountIsQueued()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var client = app.NewClient();
        await AppHost.PostFormAsync(client, "/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada Applicant", ["Input.Email"] = email, ["Input.City"] = "Lund", ["Input.Organisation"] = "Lund",
            ["Input.Password"] = "a-long-password-1", ["Input.ConfirmPassword"] = "a-long-password-1",
        });

        Assert.Contains("Please confirm your email address", await client.GetStringAsync("/account/pending"));
        Assert.DoesNotContain(await QueueAsync(), p => p.Email == email);
        // The first link went out at registration: asking again at once is refused, politely.
        var again = await PostResendAsync(client);
        Assert.Equal("/account/pending?link=wait", again.Headers.Location?.OriginalString);
        Assert.Contains("wait a few minutes", await client.GetStringAsync(again.Headers.Location!.OriginalString));

        var path = new Uri(ConfirmLink().Match(await EmailBodyAsync(email)).Value).PathAndQuery;
        Assert.Contains("Confirm my email address", await client.GetStringAsync(path));
        var forged = await AppHost.PostFormAsync(client, Regex.Replace(path, "code=[^&]+", "code=forged"), "confirm-email", new Dictionary<string, string>());
        Assert.Contains("not valid or has expired", await forged.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await QueueAsync(), p => p.Email == email);
        var confirmed = await AppHost.PostFormAsync(client, path, "confirm-email", new Dictionary<string, string>());

        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.Contains(await QueueAsync(), p => p.Email == email && p.EmailConfirmed);
        Assert.Contains("Your account is awaiting approval", await client.GetStringAsync("/account/pending"));
        var approvals = await (await app.ClientAsync(Persona.Coordinator)).GetStringAsync("/coordination/approvals?sort=registered&desc=true");
        Assert.Matches($"{Regex.Escape(email)}\\s*<span class=\"badge email-confirmed\">email confirmed</span>", approvals);
    }

    private async Task<IReadOnlyList<PendingAccount>> QueueAsync() =>
        await app.Services.GetRequiredService<AccountApprovalService>()
            .ListPendingAsync(new Actor("coordinator", "Coordinator", new HashSet<string> { Roles.Coordinator }, IsApproved: true),
                new ListRequest(PageSize: ListRequest.MaxPageSize, Sort: "registered", Descending: true));

    private static async Task<HttpResponseMessage> PostResendAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/pending");
        return await client.PostAsync("/account/confirm-email/resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(page),
        }));
    }

    private async Task<string> EmailBodyAsync(string to)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        return await db.OutboxEmails.Where(e => e.To == to && e.Category == EmailConfirmationService.Category).Select(e => e.TextBody).SingleAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();
}
