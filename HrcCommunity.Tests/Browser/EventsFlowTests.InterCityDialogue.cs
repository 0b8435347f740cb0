using System.Text.RegularExpressions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

public sealed partial class EventsFlowTests
{
    /// <summary>
    /// The issue's whole flow on a dialogue of its own: from the time poll to the live room, where a practitioner from
    /// Utrecht posts and raises a hand, and the one from Lund, the organising Coordinator (who moderates) and a hub client
    /// on the room's topic all see it.
    /// </summary>
    [Fact]
    public async Task InterCityDialogue_FromTimePollToLiveRoom_BothCitiesRegister_APostAndAHandReachTheOtherTheModeratorAndAHubClient()
    {
        var title = $"Dialogue on shelters {Guid.NewGuid():N}"[..34];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        var pollPath = await ProposeTwoDaysToLundAndUtrechtAsync(coordinator, title, "2027-04-05", "2027-04-06");

        // Pia works in Utrecht, Emil in Lund.
        await AnswerAsync(Persona.Practitioner, pollPath, "Yes", "Yes");
        await AnswerAsync(Persona.Expert, pollPath, "No", "Yes");

        await coordinator.GotoAsync(pollPath);
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator("#best-slot")).ToContainTextAsync("which 2 cities can make");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Choose Tue 6 Apr 2027", Exact = false }).ClickAsync();
        await coordinator.WaitForURLAsync(new Regex(@"/events/\d+/edit$"));
        var eventPath = new Uri(coordinator.Url).AbsolutePath[..^"/edit".Length];
        var eventId = eventPath["/events/".Length..];

        var pia = await RegisterAndEnterRoomAsync(Persona.Practitioner, eventPath);
        var emil = await RegisterAndEnterRoomAsync(Persona.Expert, eventPath);
        await Expect(emil.Locator(".room-presence")).ToContainTextAsync("Pia Practitioner");
        await coordinator.GotoAsync($"{eventPath}/room");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await Expect(coordinator.Locator(".room-presence")).ToContainTextAsync("3 in the room now");
        var topic = $"room:{eventId}";
        using var screen = await DialoguesHubTests.StartClientAsync(host, DialoguesHubTests.ClientScript,
            await DialoguesHubTests.CookieAsync(host, Persona.Coordinator), topic);
        await screen.WaitForLineAsync(l => l == "JOINED");

        var text = $"Utrecht opened two night shelters this winter {Guid.NewGuid():N}";
        await pia.GetByLabel("Your message").FillAsync(text);
        await pia.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(pia.Locator(".room-messages")).ToContainTextAsync(text);
        await pia.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" }).ClickAsync();

        foreach (var watcher in new[] { emil, coordinator })
        {
            await Expect(watcher.Locator(".room-messages")).ToContainTextAsync(text);
            await Expect(watcher.Locator(".room-hands")).ToContainTextAsync("Pia Practitioner");
        }
        // The floor is the moderator's to give, not a participant's.
        await Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Give the floor to Pia Practitioner" })).ToBeVisibleAsync();
        await Expect(emil.GetByRole(AriaRole.Button, new() { Name = "Give the floor to Pia Practitioner" })).ToHaveCountAsync(0);
        var message = await screen.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(text));
        Assert.Contains("\"authorName\":\"Pia Practitioner\"", message);
        Assert.Contains("\"city\":\"Utrecht\"", message);
        Assert.Contains($"\"topic\":\"{topic}\"", message);

        foreach (var page in new[] { pia, emil, coordinator }) await page.Context.CloseAsync();
    }

    private async Task<IPage> RegisterAndEnterRoomAsync(Persona persona, string eventPath)
    {
        var page = await host.NewPageAsAsync(persona);
        await page.GotoAsync(eventPath);
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are registered");
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the live room" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"{eventPath}/room", StringComparison.Ordinal));
        await BrowserHost.WaitForInteractiveAsync(page);
        return page;
    }
}
