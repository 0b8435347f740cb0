using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public sealed class PersonalAccessTokenHttpTests(AppHost app)
{
    private PersonalAccessTokenService Tokens => app.Services.GetRequiredService<PersonalAccessTokenService>();

    [Fact]
    public async Task PractitionerToken_SeesThePractitionersLayer_UntilItIsRevoked()
    {
        var word = "t" + Guid.NewGuid().ToString("N")[..10];
        await IndexAsync(new SearchDocument("knowledge", Guid.NewGuid().ToString("N"), "/knowledge/private", $"Secret {word} title", "", "", [], ContentLayer.Practitioners));
        var practitioner = await ActorAsync(Persona.Practitioner);
        var token = await Tokens.CreateAsync(practitioner, "Screen " + word, TokenScope.Read, 30);

        var withToken = await SendAsync(HttpMethod.Get, $"/api/search?q={word}", token.Secret);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await withToken.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());

        await Tokens.RevokeAsync(practitioner, token.Id);
        var revoked = await SendAsync(HttpMethod.Get, $"/api/search?q={word}", token.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.DoesNotContain("Secret", await revoked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownToken_IsRefused_NotTreatedAsAnonymous()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/networks", "hrc_00000000_" + new string('x', 43));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ExpiredToken_StopsWorking()
    {
        var practitioner = await ActorAsync(Persona.Practitioner);
        var token = await Tokens.CreateAsync(practitioner, "About to expire", TokenScope.Read, 30);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/knowledge", token.Secret)).StatusCode);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync())
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/knowledge", token.Secret)).StatusCode);
    }

    [Fact]
    public async Task ReadToken_MayNotPost_AndAReadAndPostToken_Passes_TheScopeCheck()
    {
        var practitioner = await ActorAsync(Persona.Practitioner);
        var read = await Tokens.CreateAsync(practitioner, "Reader", TokenScope.Read, 30);
        var post = await Tokens.CreateAsync(practitioner, "Poster", TokenScope.ReadAndPost, 30);

        var refused = await SendAsync(HttpMethod.Post, "/api/search", read.Secret);
        var passed = await SendAsync(HttpMethod.Post, "/api/search", post.Secret);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("may only read", await refused.Content.ReadAsStringAsync());
        // Past the scope check the app itself answers (the route has no POST), whatever that answer is.
        Assert.NotEqual(HttpStatusCode.Forbidden, passed.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, passed.StatusCode);
    }

    [Fact]
    public async Task Token_OnAPage_IsIgnored_PagesStayCookieOnly()
    {
        var admin = await ActorAsync(Persona.Admin);
        var token = await Tokens.CreateAsync(admin, "Not for pages", TokenScope.ReadAndPost, 30);

        var response = await SendAsync(HttpMethod.Get, "/admin/users", token.Secret);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task DemotedOwner_TokenSeesOnlyWhatTheyMayNow()
    {
        var word = "d" + Guid.NewGuid().ToString("N")[..10];
        await IndexAsync(new SearchDocument("knowledge", Guid.NewGuid().ToString("N"), "/knowledge/private", $"Hidden {word} title", "", "", [], ContentLayer.Practitioners));
        var member = await NewApprovedUserAsync();
        var token = await Tokens.CreateAsync(member, "Soon demoted", TokenScope.Read, 30);
        Assert.Equal(1, await TotalAsync(word, token.Secret));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.Id == member.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ApprovalStatus, ApprovalStatus.Pending));

        Assert.Equal(0, await TotalAsync(word, token.Secret));
    }

    private async Task<int> TotalAsync(string word, string token)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/search?q={word}", token);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<Actor> ActorAsync(Persona persona)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var email = PersonaAccounts.EmailOf(persona).ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.ToHashSet(), user.ApprovalStatus == ApprovalStatus.Approved);
    }

    private async Task<Actor> NewApprovedUserAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        var email = $"token-{Guid.NewGuid():N}@test.hrc.local";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Token Member", City = "Graz", Organisation = "Test", ApprovalStatus = ApprovalStatus.Approved,
            RegisteredAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Practitioner).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new() { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return new Actor(user.Id, user.DisplayName, new HashSet<string> { Roles.Practitioner }, true);
    }

    private async Task IndexAsync(SearchDocument document)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
        await db.IndexAsync(document, app.Services.GetRequiredService<TimeProvider>());
        await db.SaveChangesAsync();
    }
}
