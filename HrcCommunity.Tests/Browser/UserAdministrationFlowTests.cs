using System.Net;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Admin_ApprovesANewAccount_ThenMakesItAnExpert_AndTheRefusalOfTheLastStepIsExplainedBeforeApproval()
    {
        var name = $"Role Candidate {Guid.NewGuid():N}"[..26];
        var email = $"candidate-{Guid.NewGuid():N}@example.org";
        await RegisterAsync(name, email);

        var admin = await host.NewPageAsAsync(Persona.Admin);
        await admin.GotoAsync($"/admin/users?q={Uri.EscapeDataString(email)}");
        await BrowserHost.WaitForInteractiveAsync(admin);
        await admin.GetByLabel($"Expert role for {name}").CheckAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("approve it first");

        await admin.GotoAsync("/coordination/approvals");
        await BrowserHost.WaitForInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Approved {name}");

        await admin.GotoAsync($"/admin/users?q={Uri.EscapeDataString(email)}");
        await BrowserHost.WaitForInteractiveAsync(admin);
        await admin.GetByLabel($"Expert role for {name}").CheckAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} now has the Expert role.");
        await admin.ReloadAsync();
        await Expect(admin.GetByLabel($"Expert role for {name}")).ToBeCheckedAsync();
        await Expect(admin.GetByLabel($"Practitioner role for {name}")).ToBeCheckedAsync();
        await admin.Context.CloseAsync();
    }

    private async Task RegisterAsync(string name, string email)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(host.BaseUrl),
        };
        var response = await AppHost.PostFormAsync(client, "/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.City"] = "Graz", ["Input.Organisation"] = "City of Graz",
            ["Input.Password"] = "candidate-password-1", ["Input.ConfirmPassword"] = "candidate-password-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The account reaches the approval queue once its email is confirmed, from the link in the outbox.
        var confirmation = await OutboxFiles.WaitForAsync(host.App.OutboxFolder, email, "/account/confirm-email");
        var confirmed = await AppHost.PostFormAsync(client, OutboxFiles.LinkPath(confirmation, "/account/confirm-email"), "confirm-email",
            new Dictionary<string, string>());
        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
    }
}
