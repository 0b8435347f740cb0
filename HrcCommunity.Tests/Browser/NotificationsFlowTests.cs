using System.Text.RegularExpressions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class NotificationsFlowTests(BrowserHost host)
{
    [Fact]
    public async Task ASeatFreedInAnotherBrowser_PromotesThePractitioner_AndTheirBellCountsItLive()
    {
        var title = $"Bell check {Guid.NewGuid():N}"[..30];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/events/new");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.GetByLabel("Title").FillAsync(title);
        await coordinator.GetByLabel("Capacity (seats)").FillAsync("1");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await coordinator.WaitForURLAsync(EventPage());
        var eventPath = new Uri(coordinator.Url).AbsolutePath;
        await coordinator.Context.CloseAsync();

        var expert = await RegisterAsync(Persona.Expert, eventPath, "Register", "You are registered");
        var practitioner = await RegisterAsync(Persona.Practitioner, eventPath, "Join the waiting list", "You are on the waiting list");
        await practitioner.GotoAsync("/account/notifications/inbox");
        await BrowserHost.WaitForInteractiveAsync(practitioner);
        var bell = practitioner.Locator("a.bell");
        var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "");

        await expert.GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
        await Expect(expert.GetByRole(AriaRole.Status)).ToContainTextAsync("cancelled");

        // No reload: the bell and the list follow the practitioner's notification topic.
        await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString());
        await Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {before + 1} unread");
        await Expect(practitioner.Locator(".notification-list li").First).ToContainTextAsync($"A seat became free at \"{title}\"");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        await expert.Context.CloseAsync();
        await practitioner.Context.CloseAsync();
    }

    private async Task<IPage> RegisterAsync(Persona persona, string eventPath, string button, string expected)
    {
        var page = await host.NewPageAsAsync(persona);
        await page.GotoAsync(eventPath);
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(expected);
        return page;
    }

    [GeneratedRegex(@"/events/\d+$")]
    private static partial Regex EventPage();
}
