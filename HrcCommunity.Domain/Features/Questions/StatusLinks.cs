using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using Microsoft.Extensions.Options;
namespace HrcCommunity.Domain.Features.Questions;

/// <summary>
/// The askers' private status links. A link's token is an HMAC of a per-question salt under a server key
/// (<see cref="ServerKeyStore"/>), and the database holds only the token's hash: on SQLite a copy of the database
/// alone opens no link, yet the answer email can repeat the link the asker was first given.
/// </summary>
public sealed class StatusLinks(ServerKeyStore keys, IOptions<EmailOptions> email)
{
    private readonly Lazy<byte[]> _key = new(() => keys.LoadOrCreate("question-status-links.key"));

    public (string Salt, string Token) Create()
    {
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return (salt, TokenFor(salt));
    }

    public string TokenFor(string salt) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(salt))).ToLowerInvariant()[..40];

    public string UrlFor(string token) => $"{email.Value.PublicBaseUrl.TrimEnd('/')}/questions/status/{token}";

    /// <summary>
    /// The code in the link that confirms the asker's email address: another HMAC of the same salt, so it opens
    /// nothing but the confirmation, and the status link cannot be derived from it.
    /// </summary>
    public string ConfirmationCodeFor(string salt) =>
        Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("confirm-email:" + salt))).ToLowerInvariant()[..40];

    public string ConfirmationUrlFor(int questionId, string salt) =>
        $"{email.Value.PublicBaseUrl.TrimEnd('/')}/questions/confirm/{questionId}/{ConfirmationCodeFor(salt)}";

    public static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
