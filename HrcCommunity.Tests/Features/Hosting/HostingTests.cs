using System.Net;
using System.Text.Json;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Hosting;

[Collection(AppCollection.Name)]
public sealed class HostingTests(AppHost app)
{
    [Fact]
    public async Task Healthz_ReportsTheDatabaseHealthy()
    {
        var response = await app.NewClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_ThatStillAllowBlazorsOwnScriptAndSocket()
    {
        var response = await app.NewClient().GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("_framework/blazor.web.js", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownAddress_GetsTheFriendlyNotFoundPageWith404()
    {
        var response = await app.NewClient().GetAsync("/no-such-page-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedInPersonWithoutTheRole_GetsA403PageThatSaysWhy()
    {
        var client = await app.ClientAsync(Persona.Practitioner);

        var response = await client.GetAsync("/coordination/approvals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot open this page", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await app.NewClient().PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.Email"] = PersonaAccounts.EmailOf(Persona.Admin),
            ["Input.Password"] = PersonaAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("hrc.auth")));
    }

    [Fact]
    public async Task ForwardedProto_FromTrustedLoopbackProxy_IsHonoured()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/pending");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "hrc.example.eu");

        var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://hrc.example.eu/account/signin", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task WrongPassword_SaysSoWithoutRevealingWhetherTheAccountExists()
    {
        var client = app.NewClient();
        var response = await AppHost.PostFormAsync(client, "/account/signin", "signin", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.org",
            ["Input.Password"] = "wrong-password-123",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
