using HrcCommunity.Domain.Email;
using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Events;

public enum FeedStatus
{
    Unknown,
    Revoked,
    Ok,
}

public sealed record FeedResult(FeedStatus Status, string Calendar);

public sealed record CalendarSettings(bool HasFeed, DateTime? FeedCreatedAt, string? TimeZone);

/// <summary>
/// The personal calendar feed: a secret address a calendar app polls, showing the events the person registered
/// for. Only the secret's hash is stored, so the address is shown once; making a new one revokes the old.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, IOptions<EmailOptions> email)
{
    public async Task<CalendarSettings> GetSettingsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "manage calendar settings");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.UserId == actor.UserId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        var zone = await db.EventTimeZonePreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        return new CalendarSettings(feed is not null, feed is null ? null : EventService.Utc(feed.CreatedAt), zone);
    }

    /// <summary>A new secret feed address; any earlier one stops working. Returns the secret, which is not stored.</summary>
    public async Task<string> CreateFeedAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "create a calendar feed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeAllAsync(db, actor.UserId!, now, ct);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.CalendarFeedTokens.Add(new CalendarFeedToken { UserId = actor.UserId!, SecretHash = Hash(secret), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeFeedAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "revoke a calendar feed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeAllAsync(db, actor.UserId!, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task RevokeAllAsync(HrcDbContext db, string userId, DateTime now, CancellationToken ct)
    {
        foreach (var token in await db.CalendarFeedTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct))
            token.RevokedAt = now;
    }

    /// <summary>
    /// The feed for a secret. The owner is judged with the roles and approval they have now, so an event in a layer
    /// they lost access to leaves their feed.
    /// </summary>
    public async Task<FeedResult> GetFeedAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100) return new FeedResult(FeedStatus.Unknown, "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(secret);
        var token = await db.CalendarFeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null) return new FeedResult(FeedStatus.Unknown, "");
        if (token.RevokedAt is not null) return new FeedResult(FeedStatus.Revoked, "");
        var actor = await ActorOfAsync(db, token.UserId, ct);
        var events = await EventService.VisibleTo(db.CommunityEvents.AsNoTracking(), actor)
            .Where(e => db.EventRegistrations.Any(r => r.EventId == e.Id && r.UserId == token.UserId && r.Status != RegistrationStatus.Cancelled))
            .OrderBy(e => e.StartsAtUtc).ToListAsync(ct);
        return new FeedResult(FeedStatus.Ok, EventCalendar.Write(events, email.Value.PublicBaseUrl, "HrcCommunity: my events", clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>One event's .ics, for anyone who may see the event.</summary>
    public async Task<string?> GetEventCalendarAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await EventService.VisibleTo(db.CommunityEvents.AsNoTracking(), actor).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return null;
        // Only people taking part get the meeting link, in the calendar as on the page.
        var confirmed = actor.UserId is not null && await db.EventRegistrations.AnyAsync(r => r.EventId == eventId && r.UserId == actor.UserId
            && r.Status == RegistrationStatus.Confirmed, ct);
        if (!confirmed && !actor.CanCoordinate) ev.MeetingLink = null;
        return EventCalendar.Write([ev], email.Value.PublicBaseUrl, ev.Title, clock.GetUtcNow().UtcDateTime);
    }

    public async Task SetTimeZoneAsync(Actor actor, string? timeZone, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "choose a time zone");
        var clear = string.IsNullOrWhiteSpace(timeZone);
        if (!clear && !EventTimes.TryFind(timeZone, out _))
            throw new ValidationFailedException("TimeZone", "Choose a time zone from the list (for example Europe/Vienna).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var preference = await db.EventTimeZonePreferences.FirstOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        if (clear)
        {
            if (preference is not null) db.EventTimeZonePreferences.Remove(preference);
        }
        else if (preference is null) db.EventTimeZonePreferences.Add(new EventTimeZonePreference { UserId = actor.UserId!, TimeZone = EventTimes.FindOrUtc(timeZone).Id });
        else preference.TimeZone = EventTimes.FindOrUtc(timeZone).Id;
        await db.SaveChangesAsync(ct);
    }

    public async Task<string?> GetTimeZoneAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EventTimeZonePreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
    }

    private static async Task<Actor> ActorOfAsync(HrcDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new Actor(userId, user.DisplayName, roles.ToHashSet(), user.ApprovalStatus == ApprovalStatus.Approved);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
