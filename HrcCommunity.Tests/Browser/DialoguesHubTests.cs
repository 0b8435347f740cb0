using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
    /// <summary>Joins TOPIC and prints each room change (EVENT) and each new message (MESSAGE) as JSON, one a line.</summary>
    internal const string ClientScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.on('roomChanged', e => console.log('EVENT ' + JSON.stringify(e)));
        connection.on('messagePosted', m => console.log('MESSAGE ' + JSON.stringify(m)));
        connection.start()
            .then(() => connection.invoke('Join', process.env.TOPIC))
            .then(() => console.log('JOINED'))
            .catch(e => { console.log('REFUSED ' + e.message); process.exit(0); });
        setTimeout(() => process.exit(0), 30000);
        """;

    // Posts, retries with the same client id, is refused an over-long message, then posts once more on the same connection.
    private const string PostScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        const topic = process.env.TOPIC, text = process.env.TEXT, clientId = process.env.CLIENT_ID;
        connection.start()
            .then(() => connection.invoke('Post', topic, text, clientId))
            .then(id => { console.log('POSTED ' + id); return connection.invoke('Post', topic, text, clientId); })
            .then(id => { console.log('RETRIED ' + id); return connection.invoke('Post', topic, 'x'.repeat(2001), clientId + '-long'); })
            .then(() => console.log('ACCEPTED LONG'), e => console.log('REFUSED ' + e.message))
            .then(() => connection.invoke('Post', topic, text + ' (after)', clientId + '-after'))
            .then(id => console.log('AFTER ' + id))
            .catch(e => console.log('FAILED ' + e.message))
            .finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 30000);
        """;

    [Fact]
    public async Task HubPost_ReturnsTheMessageId_ARetryReturnsTheSameOne_AndAnotherClientReceivesItOnce_WhileRefusalsAreHubErrors()
    {
        var topic = $"room:{EventsRoutes.PublicEvent}";
        using var listener = await StartClientAsync(ClientScript, await CookieAsync(Persona.Coordinator), topic);
        await listener.WaitForLineAsync(l => l == "JOINED");
        var text = $"From the meeting-room screen {Guid.NewGuid():N}";
        var clientId = Guid.NewGuid().ToString("N");

        using var poster = await StartClientAsync(PostScript, await CookieAsync(Persona.Practitioner), topic, ("TEXT", text), ("CLIENT_ID", clientId));

        var id = (await poster.WaitForLineAsync(l => l.StartsWith("POSTED ", StringComparison.Ordinal)))["POSTED ".Length..];
        Assert.Equal($"RETRIED {id}", await poster.WaitForLineAsync(l => l.StartsWith("RETRIED ", StringComparison.Ordinal)));
        Assert.Contains("The message must be at most", await poster.WaitForLineAsync(l => l.StartsWith("REFUSED ", StringComparison.Ordinal)));
        await poster.WaitForLineAsync(l => l.StartsWith("AFTER ", StringComparison.Ordinal));
        var posted = await listener.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains($"\"text\":\"{text}\""));
        using (var json = JsonDocument.Parse(posted["MESSAGE ".Length..]))
        {
            var m = json.RootElement;
            Assert.Equal(long.Parse(id, CultureInfo.InvariantCulture), m.GetProperty("id").GetInt64());
            Assert.Equal(topic, m.GetProperty("topic").GetString());
            Assert.True(m.GetProperty("seq").GetInt64() > 0);
            Assert.Equal("Pia Practitioner", m.GetProperty("authorName").GetString());
            Assert.Equal("Utrecht", m.GetProperty("city").GetString());
            Assert.Equal(text, m.GetProperty("text").GetString());
            Assert.Equal(clientId, m.GetProperty("clientMessageId").GetString());
            Assert.InRange(m.GetProperty("sentAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        // The room's changes arrive in order: once the later message is here, a copy of the first would be too, as a second
        // messagePosted or as a roomChanged.
        await listener.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains($"{text} (after)"));
        Assert.False(listener.HasLine(l => l != posted && l.Contains($"\"text\":\"{text}\"")));
        Assert.False(listener.HasLine(l => l.Contains("\"kind\":\"messagePosted\"")));

        using var outsider = await StartClientAsync(PostScript, await CookieAsync(Persona.Expert), topic, ("TEXT", text), ("CLIENT_ID", clientId));
        Assert.Contains("not allowed to post in this room", await outsider.WaitForLineAsync(l => l.StartsWith("FAILED ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HubClient_OfARegisteredPractitioner_ReceivesMessagesAndAnonymousQuestionsWithoutTheirAuthor_AndAnExpertIsRefused()
    {
        var topic = $"room:{EventsRoutes.PublicEvent}";
        using var listener = await StartClientAsync(ClientScript, await CookieAsync(Persona.Practitioner), topic);
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

        // What the Blazor room shows beside the message is what the hub client gets.
        var meta = await moderator.Locator(".room-message", new() { HasText = text }).Locator(".room-meta").First.InnerTextAsync();
        var posted = await listener.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(text));
        using (var json = JsonDocument.Parse(posted["MESSAGE ".Length..]))
        {
            var m = json.RootElement;
            Assert.Equal(topic, m.GetProperty("topic").GetString());
            Assert.Equal("Carla Coordinator", m.GetProperty("authorName").GetString());
            Assert.StartsWith($"Carla Coordinator {m.GetProperty("city").GetString()} ·", meta);
            // The room page posts with a client id of its own too.
            Assert.Matches("^[0-9a-f]{32}$", m.GetProperty("clientMessageId").GetString());
        }
        var asked = await listener.WaitForLineAsync(l => l.Contains("\"kind\":\"questionAsked\"") && l.Contains(question));
        Assert.Contains("\"actorId\":null", asked);
        Assert.Contains("\"authorName\":null", asked);
        Assert.DoesNotContain("Carla", asked);

        using var refused = await StartClientAsync(ClientScript, await CookieAsync(Persona.Expert), topic);
        Assert.Contains("may not follow", await refused.WaitForLineAsync(l => l.StartsWith("REFUSED ", StringComparison.Ordinal)));
        await moderator.Context.CloseAsync();
    }

    internal static Task<string> CookieAsync(BrowserHost host, Persona persona) => CookieAsync(host.BaseUrl, persona);

    internal static async Task<string> CookieAsync(string baseUrl, Persona persona)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    private Task<string> CookieAsync(Persona persona) => CookieAsync(host, persona);

    private Task<QuestionsHubTests.NodeClient> StartClientAsync(string code, string cookie, string topic, params (string Name, string Value)[] environment) =>
        StartClientAsync(host, code, cookie, topic, environment);

    internal static Task<QuestionsHubTests.NodeClient> StartClientAsync(BrowserHost host, string code, string cookie, string topic,
        params (string Name, string Value)[] environment) =>
        StartClientAsync(host.BaseUrl, code, cookie, topic, environment);

    internal static async Task<QuestionsHubTests.NodeClient> StartClientAsync(string baseUrl, string code, string cookie, string topic,
        params (string Name, string Value)[] environment)
    {
        var script = Path.Combine(RepoPaths.NewTempFolder("hub"), "client.js");
        await File.WriteAllTextAsync(script, code);
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = RepoPaths.NodeModules;
        start.Environment["HUB_URL"] = baseUrl + "/hubs/live";
        start.Environment["COOKIE"] = cookie;
        start.Environment["TOPIC"] = topic;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new QuestionsHubTests.NodeClient(Process.Start(start)!);
    }
}
