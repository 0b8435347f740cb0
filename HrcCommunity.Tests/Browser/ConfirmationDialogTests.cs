using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>Destructive actions on interactive pages ask first in a Mud dialog, usable by keyboard, and report in a snackbar.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConfirmationDialogTests(BrowserHost host)
{
    [Fact]
    public async Task RevokingAToken_AsksInADialog_EscapeKeepsIt_AndConfirmingRevokesItWithASnackbar()
    {
        var page = await host.NewPageAsAsync(Persona.Practitioner);
        await page.GotoAsync("/account/tokens");
        await BrowserHost.WaitForInteractiveAsync(page);
        var name = $"Lobby screen {Guid.NewGuid():N}"[..21];
        await page.Locator("#token-name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var row = page.Locator("tr[data-token]", new() { HasText = name });
        await Expect(row).ToContainTextAsync("active");

        var revoke = row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" });
        await revoke.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Revoke this token?" });
        await Expect(dialog).ToBeVisibleAsync();
        // Keyboard use: focus is inside the dialog, so Escape reaches it.
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') !== null");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("active");

        await revoke.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Revoked “{name}”.");
        await Expect(row).ToContainTextAsync("revoked");
        await page.Context.CloseAsync();
    }
}
