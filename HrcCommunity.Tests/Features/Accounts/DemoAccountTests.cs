using System.Net;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>Demo accounts have a public password: outside Development they neither exist nor sign in.</summary>
public sealed class DemoAccountTests
{
    [Fact]
    public async Task DemoAccounts_OutsideDevelopment_AreNotSeeded_EvenWithDemoContentOn()
    {
        await using var host = new AppHost();
        await using var production = host.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        production.CreateClient();

        await using var db = await production.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var demoEmails = DemoUsers.All.Select(d => d.Email.ToUpperInvariant()).ToList();
        Assert.False(await db.Users.AnyAsync(u => u.IsDemo || demoEmails.Contains(u.NormalizedEmail!)));
    }

    [Fact]
    public async Task SignIn_WithADemoEmail_IsRefusedOutsideDevelopment_EvenWhenTheAccountExists()
    {
        await using var host = new AppHost();
        await using var production = host.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var demo = DemoUsers.All.First(d => d.Role == Roles.Admin);
        using (var scope = production.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName,
                City = demo.City, Organisation = demo.Organisation, ApprovalStatus = ApprovalStatus.Approved,
            }, DemoUsers.Password);
            Assert.True(created.Succeeded);
        }

        var response = await AppHost.PostFormAsync(client, "/account/signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = demo.Email, ["Input.Password"] = DemoUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("auth")));
    }
}
