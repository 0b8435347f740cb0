using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>
/// A workshop board run live: a facilitator and two participants in three browser contexts, and a hub client
/// following the board as a script would.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardsFlowTests(BrowserHost host)
{
    private const string HubScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.on('boardChanged', e => console.log('EVENT ' + JSON.stringify(e)));
        connection.start()
            .then(() => connection.invoke('Join', process.env.TOPIC))
            .then(() => console.log('JOINED'))
            .catch(e => { console.log('REFUSED ' + e.message); process.exit(0); });
        setTimeout(() => process.exit(0), 120000);
        """;

    [Fact]
    public async Task Workshop_WritePrivatelyRevealGroupVote_EveryoneSeesTheResultsLive()
    {
        var facilitator = await host.NewPageAsAsync(Persona.Coordinator);
        var pia = await host.NewPageAsAsync(Persona.Practitioner);
        var eli = await host.NewPageAsAsync(Persona.Expert);
        var title = $"Welcoming refugees {Guid.NewGuid():N}"[..30];

        // The facilitator opens a private-writing board with two dots each.
        await facilitator.GotoAsync("/boards/new");
        await BrowserHost.WaitForInteractiveAsync(facilitator);
        await facilitator.GetByLabel("Title").FillAsync(title);
        await facilitator.GetByLabel("Dots per person").FillAsync("2");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Open a board" }).ClickAsync();
        await facilitator.WaitForURLAsync(new Regex(@"/boards/\d+$"));
        var boardPath = new Uri(facilitator.Url).AbsolutePath;
        var topic = "board:" + boardPath.Split('/').Last();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        using var hub = await StartHubClientAsync(Persona.Admin, topic);
        await hub.WaitForLineAsync(l => l == "JOINED");

        foreach (var participant in new[] { pia, eli })
        {
            await participant.GotoAsync(boardPath);
            await BrowserHost.WaitForInteractiveAsync(participant);
        }
        var piaIdea = "Pia: pair newcomers with neighbours";
        var eliIdea = "Eli: a welcome desk with interpreters";
        await AddNoteAsync(pia, "Challenges", piaIdea);
        await AddNoteAsync(eli, "Ideas", eliIdea);

        // Each sees only their own note, and that someone else wrote one.
        await Expect(pia.Locator("article", new() { HasText = piaIdea })).ToBeVisibleAsync();
        await Expect(pia.Locator("[data-hidden-notes]")).ToContainTextAsync("Others have written 1.");
        await Expect(eli.Locator("[data-hidden-notes]")).ToContainTextAsync("Others have written 1.");
        await Expect(pia.GetByText(eliIdea)).ToHaveCountAsync(0);
        await Expect(eli.GetByText(piaIdea)).ToHaveCountAsync(0);
        await Expect(facilitator.GetByText(piaIdea)).ToHaveCountAsync(0);
        await hub.WaitForLineAsync(l => l.Contains("\"kind\":\"NoteAdded\"") && l.Contains("\"text\":null"));
        await WaitForCountAsync(hub, l => l.Contains("\"kind\":\"NoteAdded\""), 2);
        Assert.False(hub.HasLine(l => l.Contains(piaIdea) || l.Contains(eliIdea)), "A private note reached the hub before the reveal.");

        // Reveal: both notes on every screen.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Reveal notes" }).ClickAsync();
        foreach (var page in new[] { facilitator, pia, eli })
        {
            await Expect(page.Locator("article", new() { HasText = piaIdea })).ToBeVisibleAsync();
            await Expect(page.Locator("article", new() { HasText = eliIdea })).ToBeVisibleAsync();
        }

        // Group: Pia moves her note by keyboard, Eli sees it arrive in Ideas; Pia makes a cluster.
        await facilitator.GetByRole(AriaRole.Group, new() { Name = "Phase" }).GetByRole(AriaRole.Button, new() { Name = "Group" }).ClickAsync();
        await Expect(pia.GetByText("Phase: Group")).ToBeVisibleAsync();
        await pia.Locator("article", new() { HasText = piaIdea }).FocusAsync();
        await pia.Keyboard.PressAsync("Alt+ArrowRight");
        await Expect(pia.Locator("[data-announce]")).ToHaveTextAsync("Moved to Ideas, position 2 of 2.");
        await Expect(pia.Locator("article", new() { HasText = piaIdea })).ToBeFocusedAsync();
        await Expect(Column(eli, "Ideas").Locator("article", new() { HasText = piaIdea })).ToBeVisibleAsync();
        await pia.GetByLabel("New cluster").FillAsync("Neighbourhood welcome");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Add cluster" }).ClickAsync();
        await pia.Locator("article", new() { HasText = piaIdea }).GetByLabel("Cluster").SelectOptionAsync("Neighbourhood welcome");
        await Expect(eli.Locator(".board-clusters")).ToContainTextAsync("Neighbourhood welcome (1 notes)");

        // Vote: Eli spends both dots on Pia's note; a third is not offered.
        await facilitator.GetByRole(AriaRole.Group, new() { Name = "Phase" }).GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        var piaNoteForEli = eli.Locator("article", new() { HasText = piaIdea });
        await piaNoteForEli.GetByRole(AriaRole.Button, new() { Name = "Add a dot" }).ClickAsync();
        await Expect(eli.Locator("[data-dots-left]")).ToContainTextAsync("You have 1 of 2 dots left.");
        await piaNoteForEli.GetByRole(AriaRole.Button, new() { Name = "Add a dot" }).ClickAsync();
        await Expect(eli.Locator("[data-dots-left]")).ToContainTextAsync("You have 0 of 2 dots left.");
        await Expect(piaNoteForEli.GetByRole(AriaRole.Button, new() { Name = "Add a dot" })).ToBeDisabledAsync();
        await pia.Locator("article", new() { HasText = eliIdea }).GetByRole(AriaRole.Button, new() { Name = "Add a dot" }).ClickAsync();

        // Discuss: the results, sorted by dots, on the participants' screens.
        await facilitator.GetByRole(AriaRole.Group, new() { Name = "Phase" }).GetByRole(AriaRole.Button, new() { Name = "Discuss" }).ClickAsync();
        foreach (var page in new[] { pia, eli })
        {
            var ranking = page.Locator("[data-results-notes] li");
            await Expect(ranking.First).ToHaveTextAsync($"{piaIdea}: 2 dots");
            await Expect(ranking.Nth(1)).ToHaveTextAsync($"{eliIdea}: 1 dots");
        }
        await hub.WaitForLineAsync(l => l.Contains("\"kind\":\"Phase\""));
        await facilitator.Context.CloseAsync();
        await pia.Context.CloseAsync();
        await eli.Context.CloseAsync();
    }

    private static ILocator Column(IPage page, string title) =>
        page.Locator("section.board-column", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    private static async Task AddNoteAsync(IPage page, string column, string text)
    {
        await page.GetByLabel($"New note in {column}").FillAsync(text);
        await Column(page, column).GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.Locator("[data-announce]")).ToHaveTextAsync($"Note added to {column}.");
    }

    private static async Task WaitForCountAsync(QuestionsHubTests.NodeClient client, Func<string, bool> match, int count)
    {
        for (var seen = 0; seen < count;)
        {
            var skip = seen;
            await client.WaitForLineAsync(l => match(l) && skip-- == 0);
            seen++;
        }
    }

    private async Task<QuestionsHubTests.NodeClient> StartHubClientAsync(Persona persona, string topic)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        var script = Path.Combine(RepoPaths.NewTempFolder("hub"), "board-client.js");
        await File.WriteAllTextAsync(script, HubScript);
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = RepoPaths.NodeModules;
        start.Environment["HUB_URL"] = host.BaseUrl + "/hubs/live";
        start.Environment["COOKIE"] = cookies.GetCookieHeader(new Uri(host.BaseUrl));
        start.Environment["TOPIC"] = topic;
        return new QuestionsHubTests.NodeClient(Process.Start(start)!);
    }
}
