using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Email;

/// <summary>MailKit against a real SMTP server (aiosmtpd, plain: no STARTTLS, no AUTH).</summary>
public sealed class SmtpEmailTransportTests
{
    [Fact]
    public async Task Dispatch_WhenTheServerIsDownThenUp_KeepsTheEmailAndDeliversItExactlyOnceAfterTheBackOff()
    {
        await using var smtp = new SmtpServerProcess();
        await using var database = await SqliteDatabase.CreateAsync();
        var dispatcher = new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(), Transport(smtp.Port), database.Clock,
            Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);
        await using (var db = database.CreateDbContext())
        {
            db.Enqueue(database.Clock, "asker@example.org", "Your answer", "Hello", "test/smtp-retry");
            await db.SaveChangesAsync();
        }

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var failed = await SingleEmailAsync(database);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        await smtp.StartAsync();
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Messages());

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var message = Assert.Single(smtp.Messages());
        Assert.Equal("Your answer", message.Subject);
        Assert.Equal("asker@example.org", Assert.Single(message.To.Mailboxes).Address);
        var sent = await SingleEmailAsync(database);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Null(sent.LastError);

        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Send_WithoutTlsOrAuth_DeliversHeadersAndBothBodies()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();

        await Transport(smtp.Port).SendAsync(new OutboxEmail
        {
            Id = 42, To = "Asker <asker@example.org>", Subject = "Grüße: your question", TextBody = "Plain", HtmlBody = "<p>Rich</p>",
            Category = "questions/answered", CreatedAt = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc),
        }, CancellationToken.None);

        var message = Assert.Single(smtp.Messages());
        Assert.Equal("no-reply@hrc-community.local", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Grüße: your question", message.Subject);
        Assert.Equal("questions/answered", message.Headers[OutboxMessageBuilder.CategoryHeader]);
        Assert.StartsWith("outbox-42-", message.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), message.Date);
        Assert.Equal("Plain", message.TextBody?.TrimEnd());
        Assert.Equal("<p>Rich</p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task Send_WhenTlsIsRequiredButTheServerOffersNone_ThrowsSoTheOutboxRetries()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        var transport = Transport(smtp.Port, SecureSocketOptions.StartTls);

        await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(
            new OutboxEmail { Id = 1, To = "a@example.org", Subject = "Hi", TextBody = "Body", Category = "test/tls", CreatedAt = DateTime.UtcNow },
            CancellationToken.None));

        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Send_WhenAUserIsSetButTheServerOffersNoAuth_ThrowsRatherThanSendingUnauthenticated()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        var transport = Transport(smtp.Port, user: "hrc");

        await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(
            new OutboxEmail { Id = 1, To = "a@example.org", Subject = "Hi", TextBody = "Body", Category = "test/auth", CreatedAt = DateTime.UtcNow },
            CancellationToken.None));

        Assert.Empty(smtp.Messages());
    }

    private static SmtpEmailTransport Transport(int port, SecureSocketOptions security = SecureSocketOptions.None, string? user = null) =>
        new(Options.Create(new EmailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = security, SmtpTimeout = TimeSpan.FromSeconds(10),
            SmtpUser = user, SmtpPassword = user is null ? null : "secret",
        }), NullLogger<SmtpEmailTransport>.Instance);

    private static async Task<OutboxEmail> SingleEmailAsync(SqliteDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Category == "test/smtp-retry");
    }
}
