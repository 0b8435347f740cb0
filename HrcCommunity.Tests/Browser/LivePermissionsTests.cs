using System.Diagnostics;
using System.Net;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>
/// Permissions stay current: a demoted Expert's open queue tab and hub connection lose the queue, and so does a screen
/// whose token is revoked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePermissionsTests(BrowserHost host)
{
    private const string ClientScript = """
        const signalR = require('@microsoft/signalr');
        const token = process.env.TOKEN;
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, {
                headers: { Cookie: process.env.COOKIE || '' },
                accessTokenFactory: token ? () => token : undefined,
                transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.on('questionChanged', e => console.log('EVENT ' + JSON.stringify(e)));
        connection.on('topicRevoked', t => console.log('REVOKED ' + t));
        connection.start()
            .then(() => connection.invoke('Join', 'questions-queue'))
            .then(() => console.log('JOINED'))
            .catch(e => { console.log('REFUSED ' + e.message); process.exit(0); });
        setTimeout(() => process.exit(0), 60000);
        """;

    private const string ExpertRole = "tr:has(td[data-user=\"expert@demo.hrc.local\"]) input[aria-label^=\"Expert role\"]";

    [Fact]
    public async Task DemotedExpert_LosesTheOpenQueuePage_AndTheHubStopsSendingThemQueueEvents()
    {
        var expertPage = await host.NewPageAsAsync(Persona.Expert);
        await expertPage.GotoAsync("/experts/queue");
        await BrowserHost.WaitForInteractiveAsync(expertPage);
        await Expect(expertPage.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this page" })).Not.ToBeVisibleAsync();

        using var expertHub = StartClient(cookie: await CookieOfAsync(Persona.Expert), token: null);
        await expertHub.WaitForLineAsync(l => l == "JOINED");
        // A Coordinator's screen with a token made on /account/tokens: it keeps receiving, so silence below means something.
        var (_, secret) = await CreateTokenAsync(Persona.Coordinator, $"Meeting room {Guid.NewGuid():N}"[..21]);
        using var coordinatorHub = StartClient(cookie: "", token: secret);
        await coordinatorHub.WaitForLineAsync(l => l == "JOINED");

        var admin = await host.NewPageAsAsync(Persona.Admin);
        await admin.GotoAsync("/admin/users?q=expert%40demo");
        await BrowserHost.WaitForInteractiveAsync(admin);
        try
        {
            await admin.Locator(ExpertRole).UncheckAsync();
            await Expect(admin.Locator(ExpertRole)).Not.ToBeCheckedAsync();

            await Expect(expertPage.GetByRole(AriaRole.Heading, new() { Name = "You cannot open this page" })).ToBeVisibleAsync();
            await expertHub.WaitForLineAsync(l => l == "REVOKED questions-queue");

            await AskAsync();
            var delivered = await coordinatorHub.WaitForLineAsync(l => l.StartsWith("EVENT ", StringComparison.Ordinal) && l.Contains("\"action\":\"Ask\""));
            await Task.Delay(1000);
            Assert.False(expertHub.HasLine(l => l == delivered), "The demoted Expert still received the new question.");
        }
        finally
        {
            await admin.Locator(ExpertRole).CheckAsync();
            await Expect(admin.Locator(ExpertRole)).ToBeCheckedAsync();
        }
    }

    [Fact]
    public async Task AScreensRevokedToken_LosesTheQueue_AtTheHubsNextCheck()
    {
        var name = $"Wall screen {Guid.NewGuid():N}"[..20];
        var (tokensPage, secret) = await CreateTokenAsync(Persona.Coordinator, name);
        using var screen = StartClient(cookie: "", token: secret);
        await screen.WaitForLineAsync(l => l == "JOINED");

        var row = tokensPage.Locator("tr[data-token]", new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await tokensPage.GetByRole(AriaRole.Dialog, new() { Name = "Revoke this token?" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");

        // Nothing announces a revoked token: the hub finds it when it judges every connection again (every 2 s here).
        await screen.WaitForLineAsync(l => l == "REVOKED questions-queue");
    }

    private async Task<(IPage TokensPage, string Secret)> CreateTokenAsync(Persona persona, string name)
    {
        var page = await host.NewPageAsAsync(persona);
        await page.GotoAsync("/account/tokens");
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.Locator("#token-name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.Locator("[data-token-secret]").TextContentAsync() ?? "";
        await Expect(page.Locator("tr[data-token]", new() { HasText = name })).ToContainTextAsync("active");
        return (page, secret.Trim());
    }

    private async Task AskAsync()
    {
        using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var response = await AppHost.PostFormAsync(visitor, "/questions/ask", "ask", new Dictionary<string, string>
        {
            ["Input.Title"] = $"Does the network publish its annual plan? {Guid.NewGuid():N}",
            ["Input.Body"] = "We would like to align our city's calendar with the network's plan for the coming year.",
            ["Input.Topic"] = "networks-funding",
            ["Input.Email"] = $"plan-{Guid.NewGuid():N}@example.org",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> CookieOfAsync(Persona persona)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return cookies.GetCookieHeader(new Uri(host.BaseUrl));
    }

    private QuestionsHubTests.NodeClient StartClient(string cookie, string? token)
    {
        var script = Path.Combine(RepoPaths.NewTempFolder("hub"), "client.js");
        File.WriteAllText(script, ClientScript);
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = RepoPaths.NodeModules;
        start.Environment["HUB_URL"] = host.BaseUrl + "/hubs/live";
        start.Environment["COOKIE"] = cookie;
        if (token is not null) start.Environment["TOKEN"] = token;
        return new QuestionsHubTests.NodeClient(Process.Start(start)!);
    }
}
