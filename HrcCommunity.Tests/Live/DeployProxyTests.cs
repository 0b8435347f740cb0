using System.Net;
using HrcCommunity.Tests.Browser;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Live;

/// <summary>
/// The proxy of <c>deploy/</c> (its nginx site, as shipped) in front of the two instances: what a browser and a hub
/// client need from it, sticky sessions, WebSockets and forwarded addresses, works end to end.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class DeployProxyTests(TwoInstances instances) : IAsyncLifetime
{
    private static readonly string Room = $"/events/{EventsRoutes.PublicEvent}/room";
    private static readonly string RoomTopic = $"room:{EventsRoutes.PublicEvent}";
    private NginxProcess _proxy = default!;

    public async Task InitializeAsync() => _proxy = await NginxProcess.StartAsync(instances.A, instances.B);

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task ARoomOpenedThroughTheProxy_IsLive_AndMeetsMessagesPostedOnEitherInstance()
    {
        var context = await instances.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _proxy.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // A form post with its antiforgery token, then the room's circuit: negotiation and WebSocket on one instance.
        await BrowserHost.SignInAsync(page, PersonaAccounts.EmailOf(Persona.Practitioner), PersonaAccounts.Password);
        await page.GotoAsync(Room);
        await BrowserHost.WaitForInteractiveAsync(page);
        Assert.StartsWith(_proxy.BaseUrl, page.Url, StringComparison.Ordinal);

        var listeners = new List<QuestionsHubTests.NodeClient>();
        foreach (var app in new[] { instances.A, instances.B })
        {
            var listener = await DialoguesHubTests.StartClientAsync(app.BaseUrl, DialoguesHubTests.ClientScript,
                await DialoguesHubTests.CookieAsync(app.BaseUrl, Persona.Coordinator), RoomTopic);
            listeners.Add(listener);
            await listener.WaitForLineAsync(l => l == "JOINED");
        }

        var fromTheBrowser = $"Through the proxy {Guid.NewGuid():N}";
        await page.GetByLabel("Your message").FillAsync(fromTheBrowser);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // Whichever instance the proxy chose, both instances' hub clients hear it: one of them through Redis.
        foreach (var listener in listeners)
            await listener.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(fromTheBrowser));

        foreach (var app in new[] { instances.A, instances.B })
        {
            var last = await PostTwiceDirectlyAsync(app, $"Posted directly on {app.BaseUrl} {Guid.NewGuid():N}");
            await Expect(page.Locator(".room-message", new() { HasText = last })).ToHaveCountAsync(1);
        }

        foreach (var listener in listeners) listener.Dispose();
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheHubThroughTheProxy_NegotiatesAndUpgradesOnOneInstance_AndHearsTheRoom()
    {
        // Without skipNegotiation: the negotiate request and the WebSocket that follows must reach the same instance.
        var script = DialoguesHubTests.ClientScript.Replace(", skipNegotiation: true", "", StringComparison.Ordinal);
        Assert.NotEqual(DialoguesHubTests.ClientScript, script);
        using var listener = await DialoguesHubTests.StartClientAsync(_proxy.BaseUrl, script,
            await DialoguesHubTests.CookieAsync(_proxy.BaseUrl, Persona.Practitioner), RoomTopic);
        await listener.WaitForLineAsync(l => l == "JOINED");

        foreach (var app in new[] { instances.A, instances.B })
        {
            var last = await PostTwiceDirectlyAsync(app, $"Heard through the proxy {Guid.NewGuid():N}");
            await listener.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(last));
        }
    }

    /// <summary>Posts TEXT, then TEXT again, to the room through the hub on one instance, bypassing the proxy; returns the second.</summary>
    private static async Task<string> PostTwiceDirectlyAsync(AppProcess app, string text)
    {
        using var poster = await DialoguesHubTests.StartClientAsync(app.BaseUrl, TwoInstancesTests.PostTwiceScript,
            await DialoguesHubTests.CookieAsync(app.BaseUrl, Persona.Coordinator), RoomTopic,
            ("TEXT", text), ("TEXT_ID", Guid.NewGuid().ToString("N")), ("MARKER", text + " again"), ("MARKER_ID", Guid.NewGuid().ToString("N")));
        await poster.WaitForLineAsync(l => l == "POSTED");
        return text + " again";
    }

    [Fact]
    public async Task RedirectsThroughTheProxy_PointBackAtTheProxy_WithItsPort()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(_proxy.BaseUrl + "/account/tokens");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        // A relative address stays on the proxy; an absolute one must name the proxy as the browser reached it.
        if (location.IsAbsoluteUri) Assert.StartsWith(_proxy.BaseUrl + "/", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("/account/signin", location.OriginalString, StringComparison.Ordinal);
    }
}
