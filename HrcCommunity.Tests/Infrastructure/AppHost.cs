using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HrcCommunity.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "app";
}

/// <summary>
/// The web app in memory (WebApplicationFactory) on its own temp data folder with demo content,
/// shared by every HTTP test in the "app" collection. Clients per persona are signed in once.
/// </summary>
public sealed partial class AppHost : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<Persona, Lazy<Task<HttpClient>>> _clients = new();

    public string DataFolder { get; } = RepoPaths.NewTempFolder("app");

    public string OutboxFolder => Path.Combine(DataFolder, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Hrc:DataFolder", DataFolder);
        builder.UseSetting("Hrc:SeedDemoContent", "true");
        builder.UseSetting("Hrc:Email:PollInterval", "00:00:00.200");
        builder.UseSetting("Hrc:Scheduler:PollInterval", "00:00:01");
        // Every test client shares one address here; the limit itself is tested with its own host.
        builder.UseSetting("Hrc:RateLimits:AnonymousFormPostsPerMinute", "1000");
        builder.UseSetting("Hrc:RateLimits:SignInPostsPerAccountPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Task<HttpClient> ClientAsync(Persona persona) =>
        _clients.GetOrAdd(persona, p => new Lazy<Task<HttpClient>>(() => SignInAsync(p))).Value;

    public async Task<HttpClient> SignInAsync(Persona persona)
    {
        var client = NewClient();
        if (persona == Persona.Anonymous) return client;
        await SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return client;
    }

    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/signin");
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "signin",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
    }

    /// <summary>A new approved practitioner with the given password, for tests that need an account of their own; returns its email.</summary>
    public async Task<string> CreatePractitionerAsync(string name, string password)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name, City = "Lund", Organisation = "Lund",
            ApprovalStatus = ApprovalStatus.Approved, RegisteredAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Practitioner);
        return email;
    }

    /// <summary>Posts a static server-rendered Blazor form the way a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) (await client.Value).Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
