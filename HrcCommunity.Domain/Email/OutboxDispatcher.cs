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
    /// <summary>How long a claimed email is left to the dispatcher that claimed it.</summary>
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.Attempts < OutboxEmail.MaxAttempts && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id)
            .Take(50)
            .ToListAsync(ct);
        var handled = 0;
        foreach (var email in due)
        {
            // Every instance's dispatcher reads the same due rows: only the one whose claim moves the row's next attempt
            // sends it. A dispatcher that stops mid-send leaves the claim to run out, and the email goes again after it.
            var claimedUntil = now + ClaimFor;
            if (await db.OutboxEmails
                    .Where(e => e.Id == email.Id && e.SentAt == null && e.NextAttemptAt == email.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, claimedUntil), ct) == 0)
                continue;
            try
            {
                await transport.SendAsync(email, ct);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = null;
            }
            // A cancellation we did not ask for (a client's own timeout) is a failed attempt like any other; only our
            // stop ends the loop.
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                email.Attempts++;
                email.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                email.NextAttemptAt = now.AddSeconds(Math.Pow(2, email.Attempts) * 15);
                logger.LogWarning(ex, "Email {Id} to outbox failed (attempt {Attempt})", email.Id, email.Attempts);
            }
            // Each result at once, so a stop between two sends never sends the first again.
            await db.SaveChangesAsync(ct);
            handled++;
        }
        return handled;
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
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The email outbox could not be dispatched");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
