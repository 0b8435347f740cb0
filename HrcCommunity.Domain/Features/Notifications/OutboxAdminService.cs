using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Notifications;

public enum OutboxView
{
    Pending,
    Failed,
    Sent,
}

public sealed record OutboxRow(long Id, string To, string Subject, string Category, DateTime CreatedAt, DateTime? SentAt,
    int Attempts, DateTime NextAttemptAt, string? LastError);

public sealed record OutboxCounts(int Pending, int Failed, int Sent);

/// <summary>
/// The Admins' view of the email outbox: what waits, what the dispatcher gave up on, what went out; a message
/// that failed for good can be sent again (after the mail server is fixed) or discarded.
/// </summary>
public sealed class OutboxAdminService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<OutboxCounts> CountAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "see the email outbox");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new OutboxCounts(
            await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.Attempts < OutboxEmail.MaxAttempts, ct),
            await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.Attempts >= OutboxEmail.MaxAttempts, ct),
            await db.OutboxEmails.CountAsync(e => e.SentAt != null, ct));
    }

    /// <returns>The newest first, at most <see cref="PageSize"/>.</returns>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(Actor actor, OutboxView view, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "see the email outbox");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = view switch
        {
            OutboxView.Pending => db.OutboxEmails.Where(e => e.SentAt == null && e.Attempts < OutboxEmail.MaxAttempts),
            OutboxView.Failed => db.OutboxEmails.Where(e => e.SentAt == null && e.Attempts >= OutboxEmail.MaxAttempts),
            _ => db.OutboxEmails.Where(e => e.SentAt != null),
        };
        return await emails.AsNoTracking().OrderByDescending(e => e.Id).Take(PageSize)
            .Select(e => new OutboxRow(e.Id, e.To, e.Subject, e.Category, e.CreatedAt, e.SentAt, e.Attempts, e.NextAttemptAt, e.LastError))
            .ToListAsync(ct);
    }

    /// <summary>Gives a message the dispatcher's full count of attempts again, starting now.</summary>
    public async Task RetryAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "retry an email");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional, so a message sent meanwhile is never sent twice.
        var changed = await db.OutboxEmails.Where(e => e.Id == id && e.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, 0).SetProperty(e => e.NextAttemptAt, now), ct);
        if (changed == 0) throw await GoneAsync(db, id, ct);
    }

    /// <summary>Removes a message that has not gone out; a sent one stays as the record of what was sent.</summary>
    public async Task DiscardAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "discard an email");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.OutboxEmails.Where(e => e.Id == id && e.SentAt == null).ExecuteDeleteAsync(ct);
        if (removed == 0) throw await GoneAsync(db, id, ct);
    }

    private static async Task<Exception> GoneAsync(HrcDbContext db, long id, CancellationToken ct) =>
        await db.OutboxEmails.AnyAsync(e => e.Id == id, ct)
            ? new ConflictException("This email was sent meanwhile; there is nothing to retry or discard.")
            : new NotFoundException("The email");
}
