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
}
