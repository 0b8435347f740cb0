using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Dialogues;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class RoomMessageInsertsTests
{
    [Fact]
    public async Task ABatch_IsSavedWithWhatTheContextTracks_EachRowGettingItsId_InOrder()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var rows = Enumerable.Range(0, 3).Select(i => Row(room, $"Message {i}", clientMessageId: i == 1 ? null : $"c{i}")).ToList();

        await using (var context = db.CreateDbContext())
        {
            context.Notifications.Add(Mention(room));
            await RoomMessageInserts.SaveAsync(context, rows);
        }

        Assert.All(rows, r => Assert.True(r.Id > 0));
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id));
        await using var check = db.CreateDbContext();
        var saved = await check.DialogueMessages.Where(m => m.EventId == room.EventId).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["Message 0", "Message 1", "Message 2"], saved.Select(m => m.Text));
        Assert.Equal(["c0", null, "c2"], saved.Select(m => m.ClientMessageId));
        Assert.Equal(rows[0].SentAt, saved[0].SentAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.UserId == room.Bruno.UserId));
    }

    [Fact]
    public async Task ADuplicateClientId_FailsTheWholeBatch_AsAUniqueViolation_AndWritesNothing()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        await using (var context = db.CreateDbContext())
            await RoomMessageInserts.SaveAsync(context, [Row(room, "First", "same")]);

        await using (var context = db.CreateDbContext())
        {
            context.Notifications.Add(Mention(room));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() =>
                RoomMessageInserts.SaveAsync(context, [Row(room, "Fine on its own", "other"), Row(room, "Again", "same")]));
            Assert.True(refused.IsUniqueViolation());
        }

        await using var check = db.CreateDbContext();
        Assert.Equal(["First"], await check.DialogueMessages.Where(m => m.EventId == room.EventId).Select(m => m.Text).ToListAsync());
        Assert.Equal(0, await check.Notifications.CountAsync(n => n.UserId == room.Bruno.UserId));
    }

    private static DialogueMessage Row(RoomFixture room, string text, string? clientMessageId) => new()
    {
        EventId = room.EventId, AuthorId = room.Ada.UserId!, AuthorName = "Ada Lind", AuthorCity = "Lund", Text = text, Mentions = "",
        ClientMessageId = clientMessageId, SentAt = DateTime.UtcNow,
    };

    private static Notification Mention(RoomFixture room) => new()
    {
        UserId = room.Bruno.UserId!, Kind = NotificationKind.RoomMention, Text = "Ada Lind mentioned you", Link = $"/events/{room.EventId}/room",
        CreatedAt = DateTime.UtcNow,
    };
}
