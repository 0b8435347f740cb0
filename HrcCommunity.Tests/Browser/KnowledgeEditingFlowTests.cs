using System.Text;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class KnowledgeEditingFlowTests(BrowserHost host)
{
    [Fact]
    public async Task Coordinator_CreatesAnItem_IsToldARenamedProgramIsNoPdf_AttachesAPrivateFile_AndPublishes_TheVisitorSeesOnlyThePublicPart()
    {
        var title = $"Budget guide {Guid.NewGuid():N}"[..28];
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/knowledge/new");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await coordinator.GetByLabel("Public summary").FillAsync("How cities budget for human rights work.");
        await coordinator.GetByLabel("Public text").FillAsync("Everyone may read **this** part.");
        await coordinator.GetByLabel("Practitioners-only text").FillAsync("The budget officer in Graz answers questions.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();

        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = $"Edit: {title}" })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload
        {
            Name = "report.pdf", MimeType = "application/pdf", Buffer = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0],
        });
        await Expect(coordinator.GetByRole(AriaRole.Alert)).ToContainTextAsync("its content is a program");

        await coordinator.GetByLabel("Only approved practitioners may download this file").CheckAsync();
        await coordinator.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload
        {
            Name = "officers.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        });
        await Expect(coordinator.GetByRole(AriaRole.Status).Filter(new() { HasText = "Attached" })).ToContainTextAsync("Attached officers.pdf");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(coordinator.Locator("[data-status]")).ToHaveTextAsync("in review");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(coordinator.Locator("[data-status]")).ToHaveTextAsync("published");
        var url = coordinator.Url.Replace("/edit", "");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync(url);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Sign in as a practitioner to read more" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("The budget officer in Graz")).ToHaveCountAsync(0);
        await Expect(visitor.GetByText("officers.pdf")).ToHaveCountAsync(0);
        await Expect(visitor.GetByText("1 more file(s) for approved practitioners.")).ToBeVisibleAsync();

        await coordinator.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }
}
