using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed record TokenRow(int Id, string Name, string Prefix, TokenScope Scope, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, string OwnerId, string OwnerName);

/// <summary>The only time the secret exists outside the caller's hands: show it once, then forget it.</summary>
public sealed record CreatedToken(int Id, string Name, string Secret, TokenScope Scope, DateTime ExpiresAt);

/// <summary>Who a valid token speaks for; their roles are read fresh by the caller, never stored with the token.</summary>
public sealed record TokenOwner(int TokenId, string UserId, TokenScope Scope);

/// <summary>Personal access tokens for scripts and screens: created by approved people, stored hashed, revocable.</summary>
public sealed class PersonalAccessTokenService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxActivePerUser = 10;
    public static readonly IReadOnlyList<int> ExpiryChoicesInDays = [30, 90, 365];
    private const string Marker = "hrc_";
    // Writing on every call would turn each read into a write; a minute is precise enough for "last used".
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<CreatedToken> CreateAsync(Actor actor, string? name, TokenScope scope, int expiresInDays, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated && actor.IsApproved, "create access tokens until your account is approved");
        new Validator()
            .Required("name", name, "The name", PersonalAccessToken.NameMax)
            .Check(Enum.IsDefined(scope), "scope", "Choose what the token may do.")
            .Check(ExpiryChoicesInDays.Contains(expiresInDays), "expiry", $"Choose an expiry of {string.Join(", ", ExpiryChoicesInDays)} days.")
            .ThrowIfInvalid();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var active = await Active(db.PersonalAccessTokens, now).CountAsync(t => t.UserId == actor.UserId, ct);
        if (active >= MaxActivePerUser)
            throw new ValidationFailedException("name", $"You already have {MaxActivePerUser} active tokens: revoke one you no longer use first.");

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PersonalAccessToken.PrefixLength / 2));
        var secret = $"{Marker}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var token = new PersonalAccessToken
        {
            UserId = actor.UserId!, Name = name!.Trim(), Prefix = prefix, SecretHash = Hash(secret), Scope = scope,
            CreatedAt = now, ExpiresAt = now.AddDays(expiresInDays),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(token.Id, token.Name, secret, scope, token.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenRow>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "see access tokens");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.PersonalAccessTokens.Where(t => t.UserId == actor.UserId)).ToListAsync(ct);
    }

    /// <summary>Every token still in force, for Admins who need to cut off a script.</summary>
    public async Task<IReadOnlyList<TokenRow>> ListActiveAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "see everyone's access tokens");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, Active(db.PersonalAccessTokens, clock.GetUtcNow().UtcDateTime)).ToListAsync(ct);
    }

    public async Task RevokeAsync(Actor actor, int tokenId, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "revoke access tokens");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        // Someone else's token is "not found" to a non-Admin, so ids reveal nothing.
        if (token is null || (token.UserId != actor.UserId && !actor.IsAdmin)) throw new NotFoundException("The token");
        if (token.RevokedAt is not null) return;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        token.RevokedById = actor.UserId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The owner of a presented secret if it is known, unrevoked and unexpired; null otherwise.</summary>
    public async Task<TokenOwner?> VerifyAsync(string? presented, CancellationToken ct = default)
    {
        if (!TryParsePrefix(presented, out var prefix)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.PersonalAccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Prefix == prefix, ct);
        if (token is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(token.SecretHash), Encoding.ASCII.GetBytes(Hash(presented!))))
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is not null || token.ExpiresAt <= now) return null;
        if (token.LastUsedAt is not { } used || now - used >= LastUsedPrecision)
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new TokenOwner(token.Id, token.UserId, token.Scope);
    }

    /// <summary>
    /// Which of these tokens still work, for connections that authenticated with them earlier: one query per
    /// <see cref="BulkReads.IdsPerQuery"/> tokens, so every hub connection of an instance can be judged again at once.
    /// </summary>
    public async Task<IReadOnlySet<int>> ActiveAmongAsync(IEnumerable<int> tokenIds, CancellationToken ct = default)
    {
        var active = new HashSet<int>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in tokenIds.InQueryChunks())
            active.UnionWith(await Active(db.PersonalAccessTokens, now).Where(t => chunk.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct));
        return active;
    }

    private static bool TryParsePrefix(string? value, out string prefix)
    {
        prefix = "";
        if (value is null || value.Length is < 50 or > 100 || !value.StartsWith(Marker, StringComparison.Ordinal)) return false;
        var separator = Marker.Length + PersonalAccessToken.PrefixLength;
        if (value[separator] != '_') return false;
        prefix = value[Marker.Length..separator];
        return true;
    }

    private static IQueryable<PersonalAccessToken> Active(IQueryable<PersonalAccessToken> tokens, DateTime now) =>
        tokens.Where(t => t.RevokedAt == null && t.ExpiresAt > now);

    private static IQueryable<TokenRow> Rows(HrcDbContext db, IQueryable<PersonalAccessToken> tokens) =>
        tokens.Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t, u.DisplayName })
            .OrderByDescending(x => x.t.CreatedAt)
            .Select(x => new TokenRow(x.t.Id, x.t.Name, x.t.Prefix, x.t.Scope, x.t.CreatedAt, x.t.ExpiresAt,
                x.t.LastUsedAt, x.t.RevokedAt, x.t.UserId, x.DisplayName));

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
