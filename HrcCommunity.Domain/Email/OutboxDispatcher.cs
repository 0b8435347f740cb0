using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Email;

/// <summary>Sends what the outbox holds; a failure is retried later with exponential back-off.</summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<HrcDbContext> dbFactory,
    IEmailTransport transport,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.Attempts < OutboxEmail.MaxAttempts && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id)
            .Take(50)
            .ToListAsync(ct);
        foreach (var email in due)
        {
            try
            {
                await transport.SendAsync(email, ct);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.Attempts++;
                email.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                email.NextAttemptAt = now.AddSeconds(Math.Pow(2, email.Attempts) * 15);
                logger.LogWarning(ex, "Email {Id} to outbox failed (attempt {Attempt})", email.Id, email.Attempts);
            }
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The email outbox could not be dispatched");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
