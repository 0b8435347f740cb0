using System.Net;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Notifications;

[Collection(AppCollection.Name)]
public sealed class UnsubscribeHttpTests(AppHost app)
{
    [Fact]
    public async Task OneClickPost_UnsubscribesWithoutSigningIn_ThePageAsksFirst_AndAForgedLinkIsNotFound()
    {
        var email = await app.CreatePractitionerAsync("Ursula Unsubscribe", "a-long-password-1");
        var userId = await OptInAsync(email);
        var links = app.Services.GetRequiredService<UnsubscribeLinks>();
        var token = links.TokenFor(userId);
        var anonymous = app.NewClient();

        // Opening the link (as a mail scanner does) changes nothing: the page asks.
        var page = await anonymous.GetStringAsync($"/unsubscribe/{token}");
        Assert.Contains("Stop the digest", page);
        Assert.True(await OptedInAsync(userId));

        var forged = await anonymous.PostAsync($"/unsubscribe/{userId}.{new string('0', 40)}/one-click", OneClickBody());
        Assert.True(forged.StatusCode == HttpStatusCode.NotFound, $"{forged.StatusCode}: {await forged.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/unsubscribe/{userId}.{new string('0', 40)}")).StatusCode);
        Assert.True(await OptedInAsync(userId));

        // What a mail program sends (RFC 8058): no cookie, no antiforgery token.
        var oneClick = await anonymous.PostAsync(new Uri(links.OneClickUrlFor(userId)).AbsolutePath, OneClickBody());
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await OptedInAsync(userId));
    }

    [Fact]
    public async Task UnsubscribePage_UnsubscribesWhenThePersonConfirms()
    {
        var email = await app.CreatePractitionerAsync("Ulrich Unsubscribe", "a-long-password-1");
        var userId = await OptInAsync(email);
        var token = app.Services.GetRequiredService<UnsubscribeLinks>().TokenFor(userId);

        var response = await AppHost.PostFormAsync(app.NewClient(), $"/unsubscribe/{token}", "unsubscribe", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("you will receive no more digests", await response.Content.ReadAsStringAsync());
        Assert.False(await OptedInAsync(userId));
    }

    private static FormUrlEncodedContent OneClickBody() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private async Task<string> OptInAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, true));
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> OptedInAsync(string userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.DigestOptIn).SingleAsync();
    }
}
