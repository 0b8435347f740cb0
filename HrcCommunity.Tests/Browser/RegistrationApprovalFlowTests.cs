using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationApprovalFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Visitor_Registers_CoordinatorApprovesInAnotherBrowser_VisitorSeesItLiveAndGetsPractitionerAccess()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.org";
        var visitor = await host.NewPageAsync();
        await host.RegisterAndConfirmAsync(visitor, "Vera Visitor", email, "a-long-password-1");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Go to your account's status" }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Your account is awaiting approval" })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(visitor);

        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/coordination/approvals?sort=registered&desc=true");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        var row = coordinator.Locator($"tr:has(td[data-account='{email}'])");
        await Expect(row.Locator(".email-confirmed")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve Vera Visitor" }).ClickAsync();

        // The coordinator's click changes their page without a reload, and the visitor's page updates live.
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved Vera Visitor");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Your account is approved" })).ToBeVisibleAsync();

        await visitor.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await visitor.GotoAsync("/account/pending");
        await Expect(visitor.Locator(".badge-pending")).ToHaveCountAsync(0);

        await visitor.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInPage_ListsDemoAccountsInDevelopment_AndEachDemoRoleCanSignIn()
    {
        foreach (var persona in new[] { Persona.Admin, Persona.Coordinator, Persona.Expert, Persona.Practitioner, Persona.Pending })
        {
            var page = await host.NewPageAsync();
            await page.GotoAsync("/account/signin");
            await Expect(page.Locator(".demo-users")).ToContainTextAsync(PersonaAccounts.EmailOf(persona));
            await BrowserHost.SignInAsync(page, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
            // Sign out sits in the account menu, a disclosure in the app bar.
            await page.Locator(".account-menu summary").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
    }
}
