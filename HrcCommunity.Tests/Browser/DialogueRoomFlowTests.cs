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
    private static readonly string RoomPath = $"/events/{EventsRoutes.PractitionersOnlyEvent}/room";

    [Fact]
    public async Task RegisteredPractitioner_PostsAndRaisesAHand_TheModeratorSeesBothLive_AndGivesTheFloor()
    {
        // The seeded workshop, where the demo practitioner holds a seat (the demo board's notes are hers).
        var moderator = await OpenRoomAsync(Persona.Coordinator);

        var practitioner = await host.NewPageAsAsync(Persona.Practitioner);
        await practitioner.GotoAsync($"/events/{EventsRoutes.PractitionersOnlyEvent}");
        await BrowserHost.WaitForInteractiveAsync(practitioner);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Enter the live room" }).ClickAsync();
        await practitioner.WaitForURLAsync(url => url.EndsWith(RoomPath, StringComparison.Ordinal));
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

    [Fact]
    public async Task ATabThatDiesWithoutSayingGoodbye_LeavesThePresenceList_AsSoonAsItsConnectionDrops()
    {
        var moderator = await OpenRoomAsync(Persona.Coordinator);
        var practitioner = await OpenRoomAsync(Persona.Practitioner);
        await Expect(moderator.Locator(".room-presence")).ToContainTextAsync("Pia Practitioner");

        // A crashed tab runs no unload handler, so Blazor cannot say goodbye: the server keeps the circuit for minutes in
        // case the tab reconnects.
        var devTools = await practitioner.Context.NewCDPSessionAsync(practitioner);
        _ = devTools.SendAsync("Page.crash"); // not awaited: a crashed page never answers

        await Expect(moderator.Locator(".room-presence")).Not.ToContainTextAsync("Pia Practitioner");
        await Expect(moderator.Locator(".room-presence")).ToContainTextAsync("Carla Coordinator");
        await practitioner.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task MessageAndQuestionButtons_AnswerTheirListsOneHandler_AReactionByKeyboardKeepsItsFocus_AndEveryoneSeesTheResult()
    {
        var moderator = await OpenRoomAsync(Persona.Coordinator);
        var practitioner = await OpenRoomAsync(Persona.Practitioner);

        var text = $"Shall we start with Lund? {Guid.NewGuid():N}";
        await moderator.GetByLabel("Your message").FillAsync(text);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // By its id: once deleted, its text is gone.
        var id = await practitioner.Locator("li[data-message]", new() { HasText = text }).GetAttributeAsync("data-message");
        var seen = practitioner.Locator($"li[data-message='{id}']");
        var shown = moderator.Locator($"li[data-message='{id}']");

        // The message is one piece of markup and is replaced when its count changes: the pressed button keeps the focus.
        await seen.GetByRole(AriaRole.Button, new() { Name = "Applause: 0" }).FocusAsync();
        await practitioner.Keyboard.PressAsync("Enter");
        var pressed = seen.GetByRole(AriaRole.Button, new() { Name = "Applause: 1" });
        await Expect(pressed).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(pressed).ToBeFocusedAsync();
        await Expect(shown.GetByRole(AriaRole.Button, new() { Name = "Applause: 1" })).ToHaveAttributeAsync("aria-pressed", "false");

        await seen.GetByRole(AriaRole.Button, new() { Name = "Reply to Carla Coordinator" }).ClickAsync();
        await Expect(practitioner.Locator(".room-replying")).ToContainTextAsync("Carla Coordinator");

        var question = $"Who writes the report in Lund? {Guid.NewGuid():N}";
        await practitioner.GetByLabel("Your question", new() { Exact = true }).FillAsync(question);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await moderator.Locator("li[data-question]", new() { HasText = question }).GetByRole(AriaRole.Button, new() { Name = "Highlight" }).ClickAsync();
        await Expect(practitioner.Locator("li[data-question]", new() { HasText = question })).ToContainTextAsync("Now discussed");

        await shown.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(seen).ToContainTextAsync("This message was removed by a moderator.");
        await Expect(seen.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await practitioner.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }

    /// <summary>The room, live, for the persona in a browser of their own.</summary>
    private async Task<IPage> OpenRoomAsync(Persona persona)
    {
        var page = await host.NewPageAsAsync(persona);
        await page.GotoAsync(RoomPath);
        await BrowserHost.WaitForInteractiveAsync(page);
        return page;
    }
}
