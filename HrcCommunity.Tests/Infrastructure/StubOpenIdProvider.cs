using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HrcCommunity.Tests.Infrastructure;

public enum TokenFault
{
    None,
    /// <summary>The signed token's payload changed afterwards ("tampered-" put before the email), signature kept.</summary>
    Tampered,
    /// <summary>Validly signed, but its lifetime ended an hour ago.</summary>
    Expired,
}

/// <summary>A Microsoft work account the stub signs in as; register it, then send its key as the login_hint.</summary>
public sealed record StubAccount(string Email, string ObjectId, string TenantId, string Name, bool EmailVerified = true, TokenFault Fault = TokenFault.None)
{
    /// <summary>Says the address is verified with verified_primary_email instead of xms_edov.</summary>
    public bool VerifiedAsPrimaryEmail { get; init; }

    public static StubAccount New(string email, bool emailVerified = true, TokenFault fault = TokenFault.None) =>
        new(email, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "Erika Entra", emailVerified, fault);
}

/// <summary>
/// Entra ID as far as an id_token sign-in needs it, on a free loopback port, since the real one is unreachable here:
/// the discovery document (its issuer with Entra's {tenantid} template), the keys (an RSA key made at start), and an
/// authorize endpoint that answers with the form Entra auto-posts back, holding an id_token signed with that key.
/// There is no token endpoint: with response_type=id_token and form_post (Identity.Web's default) nothing calls one.
/// </summary>
public sealed class StubOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "3f0c1d9e-hrc-test-client";
    private const string KeyId = "stub-key-1";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, StubAccount> _accounts = new();

    private StubOpenIdProvider(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<StubOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new StubOpenIdProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync();
        provider.BaseUrl = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return provider;
    }

    /// <summary>Makes the account known to the authorize endpoint; returns the login_hint that selects it.</summary>
    public string Register(StubAccount account)
    {
        var hint = Guid.NewGuid().ToString("N");
        _accounts[hint] = account;
        return hint;
    }

    private void Map()
    {
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{BaseUrl}/{{tenantid}}/v2.0",
            ["authorization_endpoint"] = $"{BaseUrl}/oauth2/v2.0/authorize",
            ["jwks_uri"] = $"{BaseUrl}/discovery/v2.0/keys",
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["response_types_supported"] = new[] { "id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email" },
        }));

        _app.MapGet("/discovery/v2.0/keys", () =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });

        _app.MapGet("/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (!_accounts.TryGetValue(query["login_hint"].ToString(), out var account))
                return Results.BadRequest("Unknown login_hint: register the account with the stub first.");
            var token = IdToken(account, query["client_id"].ToString(), query["nonce"].ToString());
            var form = $"""
                <!doctype html><html><body onload="document.forms[0].submit()">
                <form method="post" action="{WebUtility.HtmlEncode(query["redirect_uri"])}">
                <input type="hidden" name="id_token" value="{WebUtility.HtmlEncode(token)}">
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(query["state"])}">
                </form></body></html>
                """;
            return Results.Content(form, "text/html");
        });
    }

    private string IdToken(StubAccount account, string audience, string nonce)
    {
        var now = DateTime.UtcNow;
        var (issuedAt, expires) = account.Fault == TokenFault.Expired ? (now.AddHours(-2), now.AddHours(-1)) : (now, now.AddHours(1));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.ObjectId))),
            ["oid"] = account.ObjectId,
            ["tid"] = account.TenantId,
            ["email"] = account.Email,
            ["name"] = account.Name,
            ["preferred_username"] = account.Email,
            ["nonce"] = nonce,
            ["ver"] = "2.0",
        };
        // The optional claims that vouch for the address; without them it is only what an administrator typed.
        if (account.EmailVerified && account.VerifiedAsPrimaryEmail) claims["verified_primary_email"] = new[] { account.Email };
        else if (account.EmailVerified) claims["xms_edov"] = true;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{BaseUrl}/{account.TenantId}/v2.0",
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        return account.Fault == TokenFault.Tampered ? WithEmail(token, $"tampered-{account.Email}") : token;
    }

    private static string WithEmail(string token, string email)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["email"] = email;
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
