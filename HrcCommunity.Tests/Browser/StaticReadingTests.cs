using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>Reading is static: no circuit and no WebSocket until a page that is live or edits is opened.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaticReadingTests(BrowserHost host)
{
    [Fact]
    public async Task AVisitorReadingTenPublicPages_OpensNoWebSocket_AndAnInteractivePageStillConnects()
    {
        var page = await host.NewPageAsync();
        var sockets = new List<string>();
        var circuitRequests = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        page.Request += (_, request) => { if (request.Url.Contains("/_blazor")) circuitRequests.Add(request.Url); };

        // Typed addresses (full loads) and clicked links (enhanced navigation) both stay static.
        await page.GotoAsync("/");
        await ClickNavAsync(page, "About", "/about");
        await ClickNavAsync(page, "How we work", "/how-we-work");
        await ClickNavAsync(page, "Human rights cities", "/human-rights-cities");
        await ClickNavAsync(page, "Members", "/members");
        await ClickNavAsync(page, "City networks directory", "/directory");
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/directory\?\w+="));
        await page.Locator(".network-card a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync("/knowledge");
        await page.GotoAsync("/practices");
        await page.GotoAsync("/links");
        await page.GotoAsync("/news");
        await page.GotoAsync("/answers");
        await page.GotoAsync("/search?q=city");
        await Expect(page.Locator(".search-hit").First).ToBeVisibleAsync();
        await page.GotoAsync("/privacy");
        await page.GotoAsync("/events?view=month");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(sockets);
        Assert.Empty(circuitRequests);
        Assert.Equal(0, await page.Locator("[data-interactive]").CountAsync());
        await page.Context.CloseAsync();

        // A page that edits still gets its circuit.
        var editor = await host.NewPageAsAsync(Persona.Practitioner);
        var editorSockets = 0;
        editor.WebSocket += (_, socket) => { if (socket.Url.Contains("/_blazor")) editorSockets++; };
        await editor.GotoAsync("/account/tokens");
        await BrowserHost.WaitForInteractiveAsync(editor);
        Assert.Equal(1, editorSockets);
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task APractitionerMarksAPracticeUsefulAndComments_ThroughStaticFormsWithoutACircuit()
    {
        var page = await host.NewPageAsAsync(Persona.Practitioner);
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;
        await page.GotoAsync($"/practices/{Features.Knowledge.KnowledgeRoutes.PublishedPractice}");

        var useful = page.GetByRole(AriaRole.Button, new() { Name = "Mark as useful" });
        var unmark = page.GetByRole(AriaRole.Button, new() { Name = "Remove my useful mark" });
        var wasMarked = await unmark.CountAsync() > 0;
        await (wasMarked ? unmark : useful).ClickAsync();
        await Expect(wasMarked ? useful : unmark).ToBeVisibleAsync();

        var comment = $"We tried this in Utrecht too {Guid.NewGuid():N}";
        await page.GetByLabel("Your comment").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your comment is posted.");
        await Expect(page.Locator(".comments")).ToContainTextAsync(comment);
        await Expect(page.GetByLabel("Your comment")).ToHaveValueAsync("");

        Assert.Equal(0, sockets);
        await page.Context.CloseAsync();
    }

    private static async Task ClickNavAsync(IPage page, string name, string path)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"));
    }
}
