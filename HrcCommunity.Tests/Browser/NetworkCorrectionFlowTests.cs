using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NetworkCorrectionFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Visitor_ProposesACorrection_CoordinatorSeesItLiveAndAccepts_VisitorReloadSeesTheCorrectedValue()
    {
        var headquarters = $"Boston {Guid.NewGuid():N}"[..20];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/directory/corrections");
        await BrowserHost.WaitForInteractiveAsync(coordinator);

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/directory/leading-cities");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Propose a correction" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Propose a correction to Leading Cities" })).ToBeVisibleAsync();
        await visitor.GetByLabel("Headquarters", new() { Exact = true }).FillAsync(headquarters);
        await visitor.GetByLabel("What did you change, and what is your source?").FillAsync("Their website's contact page names the city.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the correction" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you");

        // The queue was already open: the correction appears without a reload, with its field-by-field diff.
        var correction = coordinator.Locator("section[data-network='leading-cities']").Filter(new() { HasText = headquarters });
        await Expect(correction).ToBeVisibleAsync();
        await Expect(correction.Locator("tr[data-field='headquarters'] ins")).ToHaveTextAsync(headquarters);
        await correction.GetByRole(AriaRole.Button, new() { Name = "Accept: Leading Cities" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted the correction to Leading Cities.");
        await Expect(correction).ToHaveCountAsync(0);

        await visitor.GotoAsync("/directory/leading-cities");
        await Expect(visitor.Locator("dd[data-field='headquarters']")).ToHaveTextAsync(headquarters);
        await Expect(visitor.Locator("dd[data-field='last_confirmed']")).Not.ToHaveTextAsync("Not recorded");
        await Expect(visitor.Locator(".network-history tbody tr").First).ToContainTextAsync("Correction accepted");

        await visitor.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
