using System.Text.RegularExpressions;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>The live room in two browsers: a practitioner with a seat, and the Coordinator who moderates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DialogueRoomFlowTests(BrowserHost host)
{
    [Fact]
    public async Task RegisteredPractitioner_PostsAndRaisesAHand_TheModeratorSeesBothLive_AndGivesTheFloor()
    {
        // The seeded workshop, where the demo practitioner holds a seat (the demo board's notes are hers).
        var roomPath = $"/events/{EventsRoutes.PractitionersOnlyEvent}/room";
        var moderator = await host.NewPageAsAsync(Persona.Coordinator);
        await moderator.GotoAsync(roomPath);
        await BrowserHost.WaitForInteractiveAsync(moderator);

        var practitioner = await host.NewPageAsAsync(Persona.Practitioner);
        await practitioner.GotoAsync($"/events/{EventsRoutes.PractitionersOnlyEvent}");
        await BrowserHost.WaitForInteractiveAsync(practitioner);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Enter the live room" }).ClickAsync();
        await practitioner.WaitForURLAsync(url => url.EndsWith(roomPath, StringComparison.Ordinal));
        await BrowserHost.WaitForInteractiveAsync(practitioner);

        // Both follow the room once each counts the other in it.
        await Expect(moderator.Locator(".room-presence")).ToContainTextAsync("2 in the room now");
        await Expect(practitioner.Locator(".room-presence")).ToContainTextAsync("2 in the room now");
        await Expect(moderator.Locator(".room-presence")).ToContainTextAsync("Pia Practitioner");

        var text = $"Greetings from Utrecht {Guid.NewGuid():N}";
        await practitioner.GetByLabel("Your message").FillAsync(text);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(practitioner.Locator(".room-messages")).ToContainTextAsync(text);
        await Expect(practitioner.GetByLabel("Your message")).ToHaveValueAsync("");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" }).ClickAsync();
        await Expect(practitioner.GetByRole(AriaRole.Button, new() { Name = "Lower my hand" })).ToBeVisibleAsync();

        await Expect(moderator.Locator(".room-messages")).ToContainTextAsync(text);
        await Expect(moderator.Locator(".room-hands")).ToContainTextAsync("Pia Practitioner");

        // What the practitioner is typing stays while the moderator's message arrives.
        await practitioner.GetByLabel("Your message").FillAsync("Half a thought");
        await moderator.GetByLabel("Your message").FillAsync("Welcome, everyone");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(practitioner.Locator(".room-messages")).ToContainTextAsync("Welcome, everyone");
        await Expect(practitioner.GetByLabel("Your message")).ToHaveValueAsync("Half a thought");

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Give the floor to Pia Practitioner" }).ClickAsync();
        await Expect(practitioner.Locator("[data-floor]")).ToHaveTextAsync(new Regex("^Pia Practitioner \\(.*\\) has the floor\\.$"));
        await Expect(moderator.Locator("[data-floor]")).ToContainTextAsync("Pia Practitioner");
        await Expect(practitioner.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" })).ToBeVisibleAsync();

        await practitioner.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }
}
