using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Drafts;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class DraftServiceTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public DraftServiceTests(SqliteDatabase database) => _database = database;

    private DraftService Drafts => _database.Get<DraftService>();

    [Fact]
    public async Task Save_ThenSaveAgain_KeepsOneDraft_WithTheLatestContent()
    {
        var writer = await _database.CreateUserAsync("Draft Writer", Roles.Practitioner);

        await Drafts.SaveAsync(writer, "practice/new", "{\"title\":\"first\"}");
        await Drafts.SaveAsync(writer, "practice/new", "{\"title\":\"second\"}");

        Assert.Equal("{\"title\":\"second\"}", (await Drafts.LoadAsync(writer, "practice/new"))?.Content);
    }

    [Fact]
    public async Task Load_OnlyReturnsTheAskingPersonsDraft()
    {
        var owner = await _database.CreateUserAsync("Draft Owner", Roles.Practitioner);
        var other = await _database.CreateUserAsync("Draft Other", Roles.Practitioner);

        await Drafts.SaveAsync(owner, "site-page/about", "mine");

        Assert.Null(await Drafts.LoadAsync(other, "site-page/about"));
        Assert.Null(await Drafts.LoadAsync(Actor.Anonymous, "site-page/about"));
    }

    [Fact]
    public async Task Delete_RemovesTheDraft()
    {
        var writer = await _database.CreateUserAsync("Draft Deleter", Roles.Practitioner);
        await Drafts.SaveAsync(writer, "question/answer/7", "text");

        await Drafts.DeleteAsync(writer, "question/answer/7");

        Assert.Null(await Drafts.LoadAsync(writer, "question/answer/7"));
    }

    [Fact]
    public async Task Save_ByAnonymous_IsForbidden_AndATooLargeDraft_IsRefusedWithAMessage()
    {
        var writer = await _database.CreateUserAsync("Draft Large", Roles.Practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => Drafts.SaveAsync(Actor.Anonymous, "k", "v"));
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Drafts.SaveAsync(writer, "k", new string('x', Draft.ContentMax + 1)));
        Assert.Contains("at most 200,000 characters", error.Message);
    }

    [Fact]
    public async Task Load_DoesNotOfferADraftOlderThanThirtyDays()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var writer = await database.CreateUserAsync("Draft Forgetful", Roles.Practitioner);
        var drafts = database.Get<DraftService>();
        await drafts.SaveAsync(writer, "news/new", "old text");

        database.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Null(await drafts.LoadAsync(writer, "news/new"));
    }
}
