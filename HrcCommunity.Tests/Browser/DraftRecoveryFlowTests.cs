using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DraftRecoveryFlowTests(BrowserHost host)
{
    [Fact]
    public async Task AnUnsavedEdit_ComesBackInANewConnection_AndDiscardingItRestoresThePage()
    {
        var marker = $"Draft marker {Guid.NewGuid():N}";
        var editor = await host.NewPageAsAsync(Persona.Coordinator);
        await editor.GotoAsync("/site-pages/how-we-work/edit");
        await BrowserHost.WaitForInteractiveAsync(editor);
        var original = await editor.GetByLabel("Text (Markdown)").InputValueAsync();
        await editor.GetByLabel("Text (Markdown)").FillAsync(original + "\n\n" + marker);
        await Expect(editor.Locator("[data-draft-status]")).ToContainTextAsync("Draft saved");

        // A second tab is a new circuit, as after a restart or a lost connection.
        var again = await editor.Context.NewPageAsync();
        await again.GotoAsync("/site-pages/how-we-work/edit");
        await BrowserHost.WaitForInteractiveAsync(again);
        await Expect(again.Locator("[data-draft-status]")).ToContainTextAsync("We restored the draft");
        await Expect(again.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(marker));

        await again.GetByRole(AriaRole.Button, new() { Name = "Discard the draft" }).ClickAsync();
        await Expect(again.GetByLabel("Text (Markdown)")).ToHaveValueAsync(original);
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task AHalfWrittenPractice_SurvivesANewConnection()
    {
        var title = $"Half-written practice {Guid.NewGuid():N}";
        var writer = await host.NewPageAsAsync(Persona.Practitioner);
        await writer.GotoAsync("/practices/submit");
        await BrowserHost.WaitForInteractiveAsync(writer);
        await writer.GetByLabel("Title of the practice").FillAsync(title);
        await writer.GetByLabel("Title of the practice").BlurAsync();
        await Expect(writer.Locator("[data-draft-status]")).ToContainTextAsync("Draft saved");

        var again = await writer.Context.NewPageAsync();
        await again.GotoAsync("/practices/submit");
        await BrowserHost.WaitForInteractiveAsync(again);
        await Expect(again.GetByLabel("Title of the practice")).ToHaveValueAsync(title);

        await again.GetByRole(AriaRole.Button, new() { Name = "Discard the draft" }).ClickAsync();
        await Expect(again.GetByLabel("Title of the practice")).ToHaveValueAsync("");
        await writer.Context.CloseAsync();
    }
}
