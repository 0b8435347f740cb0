using System.Text.RegularExpressions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class EventsFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Coordinator_SchedulesAnEventWithThePickers_PractitionerRegistersInAnotherBrowser_WithTheirAccessibilityNeeds()
    {
        var title = $"Rights of older residents {Guid.NewGuid():N}"[..40];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/events/new");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.GetByLabel("Title").FillAsync(title);
        await FillPickerAsync(coordinator, "Start date", "2027-02-10");
        await FillPickerAsync(coordinator, "End date", "2027-02-10");
        await FillPickerAsync(coordinator, "Start time", "09:30");
        await FillPickerAsync(coordinator, "End time", "11:00");
        await coordinator.GetByLabel("Capacity (seats)").FillAsync("12");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();

        await coordinator.WaitForURLAsync(EventPage());
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(coordinator.Locator(".event-facts")).ToContainTextAsync("Wed 10 Feb 2027, 09:30–11:00");
        await Expect(coordinator.Locator(".event-facts")).ToContainTextAsync("0 of 12 seats taken");
        var eventPath = new Uri(coordinator.Url).AbsolutePath;

        var practitioner = await host.NewPageAsAsync(Persona.Practitioner);
        await practitioner.GotoAsync("/events");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(practitioner);
        await Expect(practitioner.GetByRole(AriaRole.Link, new() { Name = "privacy", Exact = false }).First).ToBeVisibleAsync();
        await practitioner.GetByLabel("Live captions").CheckAsync();
        await practitioner.GetByLabel("Interpretation", new() { Exact = true }).CheckAsync();
        await practitioner.GetByLabel("Interpretation into which language").FillAsync("Dutch");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(practitioner.GetByRole(AriaRole.Status)).ToContainTextAsync("You are registered");
        await Expect(practitioner.Locator(".event-facts")).ToContainTextAsync("1 of 12 seats taken");

        await coordinator.GotoAsync(eventPath);
        var row = coordinator.Locator("tr", new() { HasText = "Pia Practitioner" });
        await Expect(row).ToContainTextAsync("interpretation into Dutch; Live captions");
        await Expect(row).ToContainTextAsync("seat 1");

        await practitioner.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task FindingATime_TwoPractitionersFromDifferentCitiesAnswer_TheCoordinatorChoosesTheBestSlot_AndTheyAreTold()
    {
        var title = $"Housing dialogue {Guid.NewGuid():N}"[..30];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        var pollPath = await ProposeTwoDaysToLundAndUtrechtAsync(coordinator, title, "2027-03-01", "2027-03-02");

        // Pia works in Utrecht, Emil in Lund: the second time suits both cities, the first only one.
        await AnswerAsync(Persona.Practitioner, pollPath, "Yes", "Yes");
        await AnswerAsync(Persona.Expert, pollPath, "No", "If need be");

        await coordinator.GotoAsync(pollPath);
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("#best-slot")).ToContainTextAsync("Tue 2 Mar 2027");
        await Expect(coordinator.Locator("#best-slot")).ToContainTextAsync("which 2 cities can make");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Choose Tue 2 Mar 2027", Exact = false }).ClickAsync();
        await coordinator.WaitForURLAsync(new Regex(@"/events/\d+/edit$"));

        foreach (var persona in new[] { Persona.Practitioner, Persona.Expert })
        {
            var email = await OutboxFiles.WaitForAsync(host.App.OutboxFolder, PersonaAccounts.EmailOf(persona), $"Time chosen: {title}");
            Assert.Contains("Tue 2 Mar 2027, 15:00", email);
        }
        await coordinator.Context.CloseAsync();
    }

    /// <summary>A Coordinator's time poll in Vienna time, to Lund and Utrecht; returns the poll's path.</summary>
    private static async Task<string> ProposeTwoDaysToLundAndUtrechtAsync(IPage coordinator, string title, string firstDay, string secondDay)
    {
        await coordinator.GotoAsync("/events/polls/new");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.GetByLabel("Title").FillAsync(title);
        await coordinator.GetByLabel("Time zone").SelectOptionAsync("Europe/Vienna");
        await coordinator.GetByLabel("Lund").CheckAsync();
        await coordinator.GetByLabel("Utrecht").CheckAsync();
        await coordinator.GetByLabel("Date of time 1").FillAsync(firstDay);
        await coordinator.GetByLabel("Date of time 2").FillAsync(secondDay);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Send the poll" }).ClickAsync();
        await coordinator.WaitForURLAsync(PollPage());
        return new Uri(coordinator.Url).AbsolutePath;
    }

    private async Task AnswerAsync(Persona persona, string pollPath, string first, string second)
    {
        var page = await host.NewPageAsAsync(persona);
        await page.GotoAsync(pollPath);
        await BrowserHost.WaitForInteractiveAsync(page);
        var rows = page.Locator("tbody tr");
        await rows.Nth(0).GetByLabel(first, new() { Exact = true }).CheckAsync();
        await rows.Nth(1).GetByLabel(second, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers are saved.");
        await page.Context.CloseAsync();
    }

    /// <summary>MudBlazor's editable pickers take typed text and read it when the field loses focus.</summary>
    private static async Task FillPickerAsync(IPage page, string label, string value)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(value);
    }

    [GeneratedRegex(@"/events/\d+$")]
    private static partial Regex EventPage();

    [GeneratedRegex(@"/events/polls/\d+$")]
    private static partial Regex PollPage();
}
