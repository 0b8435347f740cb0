using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PracticeSubmissionFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Practitioner_SubmitsAPractice_CoordinatorPublishesItInAnotherBrowser_PractitionerFindsItOnPractices_AndVisitorsFindItInSearch()
    {
        var title = $"Night buses for shift workers {Guid.NewGuid():N}"[..45];
        // The coordinator's queue is open before the practice arrives: it must appear there live.
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/practices/review");
        await BrowserHost.WaitForInteractiveAsync(coordinator);

        var practitioner = await host.NewPageAsAsync(Persona.Practitioner);
        await practitioner.GotoAsync("/practices/submit");
        await BrowserHost.WaitForInteractiveAsync(practitioner);
        await practitioner.GetByLabel("Title of the practice").FillAsync(title);
        await practitioner.GetByLabel("City", new() { Exact = true }).FillAsync("Utrecht");
        await practitioner.GetByLabel("Period").FillAsync("2025");
        await practitioner.GetByLabel("The problem").FillAsync("Shift workers could not get home safely at night.");
        await practitioner.GetByLabel("The approach").FillAsync("The city and the transport company added night lines.");
        await practitioner.GetByLabel("Results", new() { Exact = true }).FillAsync("Two thousand rides a week.");
        await practitioner.GetByLabel("Lessons learned").FillAsync("Ask the workers first.");
        await practitioner.GetByLabel("Contact", new() { Exact = true }).FillAsync("Transport office, Utrecht");
        await practitioner.GetByLabel("Themes").SelectOptionAsync(["right-work-and-social-security", "sdg-11"]);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Submit practice" }).ClickAsync();

        await Expect(practitioner.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting for a coordinator's review");
        await Expect(practitioner.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Publish {title}" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"Published \"{title}\"");
        // The submitter's own list follows the decision without a reload.
        await Expect(practitioner.Locator(".card", new() { HasText = title }).Locator(".badge")).ToHaveTextAsync("published");

        await practitioner.GotoAsync("/practices?theme=right-work-and-social-security");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(practitioner.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(practitioner.GetByText("Transport office, Utrecht")).ToBeVisibleAsync();
        var themes = practitioner.Locator(".theme-chips", new() { HasText = "Themes:" });
        await Expect(themes).ToContainTextAsync("Work and social security");
        await Expect(themes).ToContainTextAsync("SDG 11: Sustainable cities and communities");

        // Published means findable: a visitor's search shows it, but never its practitioners-only contact.
        var unique = title.Split(' ')[^1];
        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync($"/search?q={unique}");
        await Expect(visitor.Locator(".search-hit").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await visitor.GotoAsync($"/search?q={unique}+Transport+office");
        await Expect(visitor.Locator(".search-hit")).ToHaveCountAsync(0);
        await visitor.Context.CloseAsync();

        await practitioner.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
