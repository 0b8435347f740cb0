using System.Net;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HrcCommunity.Tests.Features.Hosting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task AnonymousFormPosts_OverTheLimit_Get429WithAnExplanation_WhilePageViewsAreNeverCounted()
    {
        await using var host = new AppHost();
        await using var limited = host.WithWebHostBuilder(b => b.UseSetting("Hrc:RateLimits:AnonymousFormPostsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["Input.Email"] = "someone@example.org" };

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/forgot-password")).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await AppHost.PostFormAsync(client, "/account/forgot-password", "forgot", fields)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await AppHost.PostFormAsync(client, "/account/forgot-password", "forgot", fields);
        Assert.Contains("Wait a minute, then try again", await refused.Content.ReadAsStringAsync());
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task SignIn_FromOneAddress_IsLimitedAfterN_WithTheTooManyRequestsPage()
    {
        await using var host = new AppHost();
        await using var limited = host.WithWebHostBuilder(b => b.UseSetting("Hrc:RateLimits:AnonymousFormPostsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await PostSignInAsync(client, $"person-{i}@example.org")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Wait a minute, then try again", await (await PostSignInAsync(client, "person-5@example.org")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_ForOneAccountFromOneAddress_IsLimitedAfterN_WhileOtherAccountsStillSignIn()
    {
        await using var host = new AppHost();
        await using var limited = host.WithWebHostBuilder(b => b.UseSetting("Hrc:RateLimits:SignInPostsPerAccountPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        // One account, however its address is typed: the limit counts the normalized email.
        foreach (var email in new[] { "target@example.org", "TARGET@example.org", " target@Example.org ", "target@example.org" })
            statuses.Add((await PostSignInAsync(client, email)).StatusCode);
        var otherAccount = await PostSignInAsync(client, PersonaAccounts.EmailOf(Persona.Practitioner), PersonaAccounts.Password);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
    }

    [Fact]
    public async Task MicrosoftSignIn_CountsAsAnAnonymousFormPost_AndIsLimitedAfterN()
    {
        await using var host = new MicrosoftSignInHost();
        await using var limited = host.WithWebHostBuilder(b => b.UseSetting("Hrc:RateLimits:AnonymousFormPostsPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var token = AppHost.AntiforgeryToken(await client.GetStringAsync("/account/signin"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostAsync("/account/microsoft/signin",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password = "wrong-password-1") =>
        AppHost.PostFormAsync(client, "/account/signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}
