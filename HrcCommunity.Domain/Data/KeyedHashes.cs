using System.Security.Cryptography;
using System.Text;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// Hashes of personal values kept only to count them (client addresses, email addresses): an HMAC under a server key
/// (<see cref="ServerKeyStore"/>), so a copy of the database alone cannot be checked against a list of addresses, as a plain
/// SHA-256 of the few billion IPv4 addresses could be in minutes.
/// </summary>
public sealed class KeyedHashes(ServerKeyStore keys)
{
    private readonly Lazy<byte[]> _key = new(() => keys.LoadOrCreate("personal-value-hashes.key"));

    public string Of(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
