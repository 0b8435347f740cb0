using System.Net;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Hosting;

/// <summary>Light or dark is the visitor's choice, remembered in a cookie and rendered by the server on the next page.</summary>
[Collection(AppCollection.Name)]
public sealed class ThemePreferenceTests(AppHost app)
{
    [Fact]
    public async Task ChoosingDark_SetsTheCookie_ReturnsToThePage_AndTheNextStaticPageRendersDark()
    {
        var client = app.NewClient();
        Assert.DoesNotContain("theme-dark", await client.GetStringAsync("/directory"));

        var chosen = await PostThemeAsync(client, "dark", "/directory?region=europe");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/directory?region=europe", chosen.Headers.Location!.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hrc.theme="));
        Assert.Contains("hrc.theme=dark", cookie);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await client.GetStringAsync("/directory");
        Assert.Contains("<html lang=\"en\" class=\"theme-dark\">", page);
        Assert.Contains("aria-pressed=\"true\"", page);
    }

    [Fact]
    public async Task WithoutAMode_TheSwitchFlipsTheTheme()
    {
        var client = app.NewClient();
        await PostThemeAsync(client, null, "/");
        Assert.Contains("class=\"theme-dark\"", await client.GetStringAsync("/"));

        await PostThemeAsync(client, null, "/");
        Assert.DoesNotContain("class=\"theme-dark\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task AnUnknownMode_IsRefusedWithAClearMessage_AndAForeignReturnUrlGoesHome()
    {
        var client = app.NewClient();

        var unknown = await PostThemeAsync(client, "purple", "/");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose the light or the dark theme.", await unknown.Content.ReadAsStringAsync());
        Assert.DoesNotContain(unknown.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("hrc.theme=")));

        var foreign = await PostThemeAsync(client, "light", "https://evil.example/");
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostThemeAsync(HttpClient client, string? mode, string returnUrl)
    {
        // The switch is a plain form without a token, so the page it sits on stays the same for every visitor.
        var fields = new Dictionary<string, string>
        {
            ["returnUrl"] = returnUrl,
        };
        if (mode is not null) fields["mode"] = mode;
        return await client.PostAsync("/preferences/theme", new FormUrlEncodedContent(fields));
    }
}
