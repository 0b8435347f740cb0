using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// The web app in memory with an <c>AzureAd</c> section that points at a <see cref="StubOpenIdProvider"/> on a loopback
/// port, on its own data folder. Clients talk https to it: the handler's correlation and nonce cookies are Secure.
/// </summary>
public partial class MicrosoftSignInHost : WebApplicationFactory<Program>
{
    protected virtual bool Development => true;

    public StubOpenIdProvider Provider { get; } = StubOpenIdProvider.StartAsync().GetAwaiter().GetResult();

    public string DataFolder { get; } = RepoPaths.NewTempFolder("entra");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Development ? "Development" : "Production");
        builder.UseSetting("Hrc:DataFolder", DataFolder);
        builder.UseSetting("Hrc:SeedDemoContent", Development ? "true" : "false");
        builder.UseSetting("Hrc:Scheduler:Enabled", "false");
        builder.UseSetting("Hrc:RateLimits:AnonymousFormPostsPerMinute", "1000");
        builder.UseSetting("Hrc:RateLimits:SignInPostsPerAccountPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("AzureAd:Instance", Provider.BaseUrl + "/");
        builder.UseSetting("AzureAd:TenantId", "organizations");
        builder.UseSetting("AzureAd:ClientId", StubOpenIdProvider.ClientId);
        builder.UseSetting("AzureAd:RequireHttpsMetadata", "false");
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>
    /// The whole round trip a browser makes: the sign-in page's Microsoft button, the stub's authorize page (as the given
    /// account), its form posted back to /signin-oidc, and the redirect after it. Returns the last response, whose
    /// Location says where the person ends up.
    /// </summary>
    public async Task<HttpResponseMessage> SignInWithMicrosoftAsync(HttpClient client, StubAccount account, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/account/signin");
        var challenge = await client.PostAsync("/account/microsoft/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppHost.AntiforgeryToken(page),
            ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.BaseUrl, authorize.ToString());

        using var browser = new HttpClient();
        var form = await browser.GetStringAsync($"{authorize}&login_hint={Provider.Register(account)}");
        var action = WebUtility.HtmlDecode(FormAction().Match(form).Groups[1].Value);
        var posted = await client.PostAsync(new Uri(action).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = WebUtility.HtmlDecode(Hidden("id_token").Match(form).Groups[1].Value),
            ["state"] = WebUtility.HtmlDecode(Hidden("state").Match(form).Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var next = posted.Headers.Location!.ToString();
        return next.StartsWith("/account/microsoft/done", StringComparison.Ordinal) ? await client.GetAsync(next) : posted;
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    private static Regex Hidden(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same, as Production runs it: every Identity cookie Secure, the session cookie __Host-hrc.auth.</summary>
public sealed class ProductionMicrosoftSignInHost : MicrosoftSignInHost
{
    protected override bool Development => false;
}
