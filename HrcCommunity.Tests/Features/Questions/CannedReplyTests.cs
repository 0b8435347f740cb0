using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Questions;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class CannedReplyTests
{
    [Fact]
    public async Task CannedReplies_ExpertsReadThem_OnlyCoordinatorsEditThem_AndTitlesStayUnique()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Emma Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Cas Coordinator", Roles.Coordinator);
        var replies = database.Get<CannedReplyService>();
        var seeded = await replies.ListAsync(expert);
        Assert.NotEmpty(seeded);

        await Assert.ThrowsAsync<ForbiddenException>(() => replies.SaveAsync(expert, null, "Closing line", "Kind regards from the experts."));
        await replies.SaveAsync(coordinator, null, "Closing line", "Kind regards from the experts.");
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => replies.SaveAsync(coordinator, null, "Closing line", "Another text."));
        Assert.Contains("title", duplicate.Errors.Keys);

        var created = (await replies.ListAsync(expert)).Single(r => r.Title == "Closing line");
        await replies.SaveAsync(coordinator, created.Id, "Closing line", "Warm regards from the experts.");
        Assert.Equal("Warm regards from the experts.", (await replies.ListAsync(expert)).Single(r => r.Id == created.Id).Body);
        await Assert.ThrowsAsync<ForbiddenException>(() => replies.DeleteAsync(expert, created.Id));
        await replies.DeleteAsync(coordinator, created.Id);
        Assert.Equal(seeded.Count, (await replies.ListAsync(expert)).Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => replies.ListAsync(Actor.Anonymous));
    }
}
