using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Notifications;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class OutboxAdminTests
{
    [Fact]
    public async Task Admin_SeesPendingFailedAndSent_RetriesAFailedEmail_DiscardsAnother_ButNeverTouchesASentOne()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var outbox = database.Get<OutboxAdminService>();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        long pending, failed, gaveUpToo, sent;
        await using (var db = database.CreateDbContext())
        {
            var rows = new[]
            {
                new OutboxEmail { To = "wait@example.org", Subject = "Waiting", Category = "test/outbox", CreatedAt = now, NextAttemptAt = now, Attempts = 2 },
                new OutboxEmail { To = "fail@example.org", Subject = "Failed", Category = "test/outbox", CreatedAt = now, NextAttemptAt = now, Attempts = OutboxEmail.MaxAttempts, LastError = "Connection refused" },
                new OutboxEmail { To = "fail2@example.org", Subject = "Failed too", Category = "test/outbox", CreatedAt = now, NextAttemptAt = now, Attempts = OutboxEmail.MaxAttempts },
                new OutboxEmail { To = "sent@example.org", Subject = "Sent", Category = "test/outbox", CreatedAt = now, NextAttemptAt = now, SentAt = now },
            };
            db.OutboxEmails.AddRange(rows);
            await db.SaveChangesAsync();
            (pending, failed, gaveUpToo, sent) = (rows[0].Id, rows[1].Id, rows[2].Id, rows[3].Id);
        }

        Assert.Equal(new OutboxCounts(1, 2, 1), await outbox.CountAsync(admin));
        Assert.Equal([pending], (await outbox.ListAsync(admin, OutboxView.Pending)).Select(r => r.Id));
        Assert.Equal([gaveUpToo, failed], (await outbox.ListAsync(admin, OutboxView.Failed)).Select(r => r.Id));
        Assert.Equal("Connection refused", (await outbox.ListAsync(admin, OutboxView.Failed)).Single(r => r.Id == failed).LastError);
        Assert.Equal([sent], (await outbox.ListAsync(admin, OutboxView.Sent)).Select(r => r.Id));

        database.Clock.Advance(TimeSpan.FromHours(3));
        await outbox.RetryAsync(admin, failed);
        await outbox.DiscardAsync(admin, gaveUpToo);

        await using (var db = database.CreateDbContext())
        {
            var retried = await db.OutboxEmails.SingleAsync(e => e.Id == failed);
            Assert.Equal(0, retried.Attempts);
            Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, retried.NextAttemptAt);
            Assert.False(await db.OutboxEmails.AnyAsync(e => e.Id == gaveUpToo));
        }
        Assert.Equal(new OutboxCounts(2, 0, 1), await outbox.CountAsync(admin));
        await Assert.ThrowsAsync<ConflictException>(() => outbox.RetryAsync(admin, sent));
        await Assert.ThrowsAsync<ConflictException>(() => outbox.DiscardAsync(admin, sent));
        await Assert.ThrowsAsync<NotFoundException>(() => outbox.DiscardAsync(admin, gaveUpToo));
    }

    [Fact]
    public async Task Outbox_IsForAdminsOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var outbox = database.Get<OutboxAdminService>();

        await Assert.ThrowsAnyAsync<DomainException>(() => outbox.ListAsync(coordinator, OutboxView.Failed));
        await Assert.ThrowsAnyAsync<DomainException>(() => outbox.RetryAsync(coordinator, 1));
        await Assert.ThrowsAnyAsync<DomainException>(() => outbox.DiscardAsync(coordinator, 1));
    }
}
