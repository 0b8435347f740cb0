using System.Diagnostics;
using System.Net;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>A room through /hubs/live, as a Node SignalR client sees it: what the Blazor room shows, under the page's rule.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DialoguesHubTests(BrowserHost host)
{
    private const string ClientScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.on('roomChanged', e => console.log('EVENT ' + JSON.stringify(e)));
        connection.start()
            .then(() => connection.invoke('Join', process.env.TOPIC))
            .then(() => console.log('JOINED'))
            .catch(e => { console.log('REFUSED ' + e.message); process.exit(0); });
        setTimeout(() => process.exit(0), 30000);
        """;

    [Fact]
    public async Task HubClient_OfARegisteredPractitioner_ReceivesMessagesAndAnonymousQuestionsWithoutTheirAuthor_AndAnExpertIsRefused()
    {
        var topic = $"room:{EventsRoutes.PublicEvent}";
        using var listener = await StartClientAsync(await CookieAsync(Persona.Practitioner), topic);
        await listener.WaitForLineAsync(l => l == "JOINED");

        var moderator = await host.NewPageAsAsync(Persona.Coordinator);
        await moderator.GotoAsync($"/events/{EventsRoutes.PublicEvent}/room");
        await BrowserHost.WaitForInteractiveAsync(moderator);
        var text = $"For the meeting-room screen {Guid.NewGuid():N}";
        await moderator.GetByLabel("Your message").FillAsync(text);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(moderator.Locator(".room-messages")).ToContainTextAsync(text);
        var question = $"Who writes the report? {Guid.NewGuid():N}";
        await moderator.GetByLabel("Your question").FillAsync(question);
        await moderator.GetByLabel("Ask anonymously", new() { Exact = false }).CheckAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Expect(moderator.Locator(".room-questions")).ToContainTextAsync(question);

        var posted = await listener.WaitForLineAsync(l => l.Contains("\"kind\":\"messagePosted\"") && l.Contains(text));
        Assert.Contains($"\"topic\":\"{topic}\"", posted);
        Assert.Contains("\"seq\":", posted);
        Assert.Contains("\"authorName\":\"Carla Coordinator\"", posted);
        var asked = await listener.WaitForLineAsync(l => l.Contains("\"kind\":\"questionAsked\"") && l.Contains(question));
        Assert.Contains("\"actorId\":null", asked);
        Assert.Contains("\"authorName\":null", asked);
        Assert.DoesNotContain("Carla", asked);

        using var refused = await StartClientAsync(await CookieAsync(Persona.Expert), topic);
        Assert.Contains("may not follow", await refused.WaitForLineAsync(l => l.StartsWith("REFUSED ", StringComparison.Ordinal)));
        await moderator.Context.CloseAsync();
    }

    private async Task<string> CookieAsync(Persona persona)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return cookies.GetCookieHeader(new Uri(host.BaseUrl));
    }

    private async Task<QuestionsHubTests.NodeClient> StartClientAsync(string cookie, string topic)
    {
        var script = Path.Combine(RepoPaths.NewTempFolder("hub"), "client.js");
        await File.WriteAllTextAsync(script, ClientScript);
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = RepoPaths.NodeModules;
        start.Environment["HUB_URL"] = host.BaseUrl + "/hubs/live";
        start.Environment["COOKIE"] = cookie;
        start.Environment["TOPIC"] = topic;
        return new QuestionsHubTests.NodeClient(Process.Start(start)!);
    }
}
