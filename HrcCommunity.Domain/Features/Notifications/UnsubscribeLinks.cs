using HrcCommunity.Domain.Email;
using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// One-click unsubscribe (RFC 8058). A link names the person and carries an HMAC of their id under a server key
/// (<see cref="ServerKeyStore"/>), so it works without signing in, cannot be made up for someone else, and keeps working for every digest
/// they already received. It stops every digest (the "what is new" one and the experts' one) and changes nothing else:
/// the preferences page turns either back on.
/// </summary>
public sealed class UnsubscribeLinks(ServerKeyStore keys, IDbContextFactory<HrcDbContext> dbFactory, IOptions<EmailOptions> email)
{
    private const string Purpose = "unsubscribe-digest:";

    private readonly Lazy<byte[]> _key = new(() => keys.LoadOrCreate("unsubscribe-links.key"));

    public string TokenFor(string userId) => $"{userId}.{Mac(userId)}";

    /// <summary>The page a person opens from the email; it asks before it unsubscribes.</summary>
    public string PageUrlFor(string userId) => $"{email.Value.PublicBaseUrl.TrimEnd('/')}/unsubscribe/{TokenFor(userId)}";

    /// <summary>What mail programs POST to (the List-Unsubscribe header), with no page in between.</summary>
    public string OneClickUrlFor(string userId) => PageUrlFor(userId) + "/one-click";

    /// <returns>False when the link is not one of ours (or its account is gone): the caller answers "not found".</returns>
    public async Task<bool> UnsubscribeAsync(string token, CancellationToken ct = default)
    {
        if (UserIdFrom(token) is not { } userId) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Idempotent: a second click, or a mail program that posts twice, finds the person already unsubscribed.
        var found = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, false).SetProperty(u => u.ExpertDigestOff, true), ct);
        return found == 1;
    }

    public async Task<bool> IsValidAsync(string token, CancellationToken ct = default)
    {
        if (UserIdFrom(token) is not { } userId) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == userId, ct);
    }

    private string? UserIdFrom(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var dot = token.LastIndexOf('.');
        if (dot <= 0) return null;
        var userId = token[..dot];
        var expected = Encoding.ASCII.GetBytes(Mac(userId));
        var given = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? userId : null;
    }

    private string Mac(string userId) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(Purpose + userId))).ToLowerInvariant()[..40];
}
