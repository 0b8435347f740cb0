namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>What a personal access token may do; reading is always included.</summary>
public enum TokenScope
{
    Read = 0,
    ReadAndPost = 1,
}

/// <summary>
/// A secret a script or meeting-room screen presents instead of a cookie. Only a hash of the secret is
/// stored; the prefix is public and lets people (and the lookup) tell tokens apart.
/// </summary>
public sealed class PersonalAccessToken
{
    public const int NameMax = 80;
    public const int PrefixLength = 8;

    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public TokenScope Scope { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedById { get; set; }
}
