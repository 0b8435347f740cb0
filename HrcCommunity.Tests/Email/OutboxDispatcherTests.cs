using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Email;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Dispatch_WhenTheTransportFails_KeepsTheEmailAndRetriesItAfterTheBackOff()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var transport = new FlakyTransport(failuresBeforeSuccess: 1);
        var dispatcher = new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(), transport, database.Clock,
            Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);
        await using (var db = database.CreateDbContext())
        {
            db.Enqueue(database.Clock, "asker@example.org", "Your answer", "Hello", "test/retry");
            await db.SaveChangesAsync();
        }

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            var email = await db.OutboxEmails.SingleAsync(e => e.Category == "test/retry");
            Assert.Null(email.SentAt);
            Assert.Equal(1, email.Attempts);
            Assert.Contains("SMTP down", email.LastError);
        }

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, transport.Delivered);

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            var email = await db.OutboxEmails.SingleAsync(e => e.Category == "test/retry");
            Assert.NotNull(email.SentAt);
            Assert.Equal(2, transport.Delivered);
        }
    }

    [Fact]
    public async Task Dispatch_WhenTheTransportCancelsOnItsOwn_CountsAFailedAttempt_AndTheDispatcherKeepsRunning()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var dispatcher = new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(), new TimingOutTransport(), database.Clock,
            Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);
        await using (var db = database.CreateDbContext())
        {
            db.Enqueue(database.Clock, "asker@example.org", "Your answer", "Hello", "test/timeout");
            await db.SaveChangesAsync();
        }

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        await using var check = database.CreateDbContext();
        var email = await check.OutboxEmails.SingleAsync(e => e.Category == "test/timeout");
        Assert.Null(email.SentAt);
        Assert.Equal(1, email.Attempts);
        Assert.Contains("timed out", email.LastError);
    }

    [Fact]
    public async Task TwoDispatchersOnOneDatabase_AsTwoInstancesRunThem_SendEachEmailOnce()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var transport = new CountingTransport();
        var dispatchers = Enumerable.Range(0, 2).Select(_ => new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(), transport,
            database.Clock, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance)).ToList();
        await using (var db = database.CreateDbContext())
        {
            for (var n = 0; n < 40; n++) db.Enqueue(database.Clock, $"reader-{n}@example.org", "News", "Hello", "test/race");
            await db.SaveChangesAsync();
        }

        await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.DispatchDueAsync(CancellationToken.None))));

        Assert.Equal(40, transport.Sent.Count);
        Assert.Equal(40, transport.Sent.Distinct().Count());
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.OutboxEmails.CountAsync(e => e.Category == "test/race" && e.SentAt == null));
    }

    /// <summary>Slow enough that both dispatchers have read the same due rows before either has sent them all.</summary>
    private sealed class CountingTransport : IEmailTransport
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<long> _sent = [];

        public IReadOnlyCollection<long> Sent => _sent;

        public async Task SendAsync(OutboxEmail email, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            _sent.Add(email.Id);
        }
    }

    /// <summary>A client whose own timeout surfaces as a cancellation, as HttpClient's does.</summary>
    private sealed class TimingOutTransport : IEmailTransport
    {
        public Task SendAsync(OutboxEmail email, CancellationToken ct) => throw new TaskCanceledException("The mail server timed out");
    }

    /// <summary>Fails the first N deliveries (counting a failure as a delivery attempt), then succeeds.</summary>
    private sealed class FlakyTransport(int failuresBeforeSuccess) : IEmailTransport
    {
        private int _calls;

        public int Delivered => _calls;

        public Task SendAsync(OutboxEmail email, CancellationToken ct)
        {
            _calls++;
            return _calls <= failuresBeforeSuccess ? throw new InvalidOperationException("SMTP down") : Task.CompletedTask;
        }
    }
}
