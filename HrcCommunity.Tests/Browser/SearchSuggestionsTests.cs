using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchSuggestionsTests(BrowserHost host)
{
    [Fact]
    public async Task TypingShowsSuggestions_AndChoosingOneWithTheArrowsAndEnterOpensIt()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/search");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the site" });
        await box.PressSequentiallyAsync("Gra");
        var option = page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Graz\\b") });
        await Expect(option).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");

        // Up wraps to the last suggestion and down comes back to the first. Neither may move the caret, as they
        // would in a text box on some systems: the page cancels their default action (seen last, on the window).
        await page.EvaluateAsync("() => window.addEventListener('keydown', e => { window.arrowKeptCaret = e.defaultPrevented; })");
        await box.PressAsync("ArrowUp");
        Assert.True(await page.EvaluateAsync<bool>("() => window.arrowKeptCaret === true"));
        await box.PressAsync("ArrowDown");
        Assert.True(await page.EvaluateAsync<bool>("() => window.arrowKeptCaret === true"));
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/members/cities/graz$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Graz", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EscapeClosesTheSuggestions_AndEnterThenSearchesForTheText()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/search");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the site" });
        await box.PressSequentiallyAsync("Slow");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=Slow$"));
        await Expect(page.Locator(".search-hit").GetByRole(AriaRole.Link, new() { Name = "Slow City", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
