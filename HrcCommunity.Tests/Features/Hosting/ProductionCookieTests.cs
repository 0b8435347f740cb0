using System.Net;
using System.Text.Json;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Hosting;

/// <summary>What holds outside Development: the host is a Production-like WebApplicationFactory.</summary>
public sealed class ProductionCookieTests
{
    [Fact]
    public async Task AuthCookie_OutsideDevelopment_IsSecure_HostPrefixed_HttpOnly_ForTheWholeSite()
    {
        await using var host = new AppHost();
        await using var production = host.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string email = "cookie-check@example.org", password = "cookie-password-2026";
        using (var scope = production.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Cookie Check", City = "Graz",
                Organisation = "Graz", ApprovalStatus = ApprovalStatus.Approved,
            }, password);
            Assert.True(created.Succeeded);
        }

        // Over plain http, as a proxy that ends TLS may forward it: the cookie is Secure all the same.
        var response = await AppHost.PostFormAsync(client, "/account/signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hrc.auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    [Fact]
    public void SampleSettings_NameTheAllowedHosts_InsteadOfAnyHost()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var allowed = sample.RootElement.GetProperty("AllowedHosts").GetString();

        Assert.False(string.IsNullOrWhiteSpace(allowed));
        Assert.DoesNotContain("*", allowed);
    }
}
