using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>A sign-in at an identity provider linked to the account; <paramref name="Key"/> is what removing it names.</summary>
public sealed record LinkedSignIn(string Provider, string Key, string ProviderDisplayName);

public sealed record TwoFactorState(bool Enabled, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri);

/// <summary>
/// Passwords and two-factor sign-in. Scoped, because Identity's UserManager is; used from
/// request-scoped (static) pages only, so no circuit keeps a DbContext alive.
/// </summary>
public sealed class AccountSecurityService(
    UserManager<AppUser> users,
    IUserStore<AppUser> userStore,
    IDbContextFactory<HrcDbContext> dbFactory,
    IOptions<EmailOptions> email,
    TimeProvider clock)
{
    private const string Issuer = "HrcCommunity";

    /// <summary>
    /// Sends a reset link when the address has an account. The caller shows the same answer either
    /// way, so the form cannot be used to find out who has an account.
    /// </summary>
    public async Task RequestPasswordResetAsync(string emailAddress, CancellationToken ct = default)
    {
        new Validator().Email("email", emailAddress, "Email", required: true).ThrowIfInvalid();
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user?.Email is null) return;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{email.Value.PublicBaseUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email)}&code={Uri.EscapeDataString(token)}";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Enqueue(clock, user.Email, AccountEmails.Text("ResetSubject"), AccountEmails.Text("ResetText", user.DisplayName, link), "accounts/password-reset");
        await db.SaveChangesAsync(ct);
    }

    public async Task ResetPasswordAsync(string emailAddress, string code, string newPassword)
    {
        new Validator()
            .Email("email", emailAddress, "Email", required: true)
            .Required("code", code, "The reset code", 2000)
            .Required("password", newPassword, "The new password", 200)
            .ThrowIfInvalid();
        var user = await users.FindByEmailAsync(emailAddress.Trim())
            ?? throw new ValidationFailedException("code", "This reset link is not valid or has expired. Ask for a new one.");
        var result = await users.ResetPasswordAsync(user, code, newPassword);
        if (!result.Succeeded) throw Failed(result, invalidToken: "This reset link is not valid or has expired. Ask for a new one.");
        // Whoever locked the account out by guessing no longer keeps its owner out.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    public async Task ChangePasswordAsync(Actor actor, string currentPassword, string newPassword)
    {
        new Validator()
            .Required("currentPassword", currentPassword, "Your current password", 200)
            .Required("password", newPassword, "The new password", 200)
            .ThrowIfInvalid();
        var user = await RequireUserAsync(actor);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded) throw Failed(result, invalidToken: null);
    }

    public async Task<TwoFactorState> GetTwoFactorStateAsync(Actor actor)
    {
        var user = await RequireUserAsync(actor);
        if (user.TwoFactorEnabled)
            return new TwoFactorState(true, await users.CountRecoveryCodesAsync(user), null, null);

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not UserManager.ResetAuthenticatorKeyAsync: it also renews the security stamp, which signs the person out of
            // every session (this one included) at the next cookie check, merely for opening the set-up page. A first key
            // changes nothing until a code from it turns two-factor on, and that does renew the stamp.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded) throw Failed(saved, invalidToken: null);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorState(false, 0, FormatKey(key!), uri);
    }

    /// <summary>Turns two-factor sign-in on once a code from the authenticator app proves it is set up; returns the recovery codes, shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(Actor actor, string code)
    {
        new Validator().Required("code", code, "The code from your app", 20).ThrowIfInvalid();
        var user = await RequireUserAsync(actor);
        var digits = new string(code.Where(char.IsDigit).ToArray());
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (!valid) throw new ValidationFailedException("code", "That code did not match. Check the time on your phone and enter the code your app shows now.");
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
    }

    /// <summary>Turns two-factor sign-in off; only with the password or a current code, so an unattended session cannot.</summary>
    public async Task DisableTwoFactorAsync(Actor actor, string? proof)
    {
        var user = await RequireUserAsync(actor);
        await RequireProofAsync(user, proof);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Replaces the recovery codes; only with the password or a current code, as they open the account as well as the app.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Actor actor, string? proof)
    {
        var user = await RequireUserAsync(actor);
        if (!user.TwoFactorEnabled) throw new ValidationFailedException("code", "Turn on two-factor sign-in first.");
        await RequireProofAsync(user, proof);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
    }

    /// <summary>
    /// The password or a current code from the authenticator app. Wrong answers count towards lockout like wrong
    /// passwords at sign-in, so this form cannot be used to guess either.
    /// </summary>
    private async Task RequireProofAsync(AppUser user, string? proof)
    {
        const string Refused = "That is neither your password nor the code your app shows now.";
        new Validator().Required("proof", proof, "Your password or a code from your app", 200).ThrowIfInvalid();
        if (await users.IsLockedOutAsync(user))
            throw new ValidationFailedException("proof", "Too many wrong answers: wait 15 minutes, then try again.");
        var digits = proof!.Replace(" ", "");
        var proven = digits is { Length: 6 } && digits.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : await users.CheckPasswordAsync(user, proof);
        if (proven) return;
        await users.AccessFailedAsync(user);
        throw new ValidationFailedException("proof", Refused);
    }

    /// <summary>
    /// Read with a context of its own, not the UserManager: the account page saves the profile through another context
    /// and then reissues the cookie from UserManager, which would otherwise hand back the copy it tracked here, unchanged.
    /// </summary>
    public async Task<(IReadOnlyList<LinkedSignIn> SignIns, bool HasPassword)> GetLinkedSignInsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "change account security");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signIns = await db.UserLogins.AsNoTracking().Where(l => l.UserId == actor.UserId)
            .OrderBy(l => l.ProviderDisplayName)
            .Select(l => new LinkedSignIn(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName ?? l.LoginProvider))
            .ToListAsync(ct);
        var hasPassword = await db.Users.AnyAsync(u => u.Id == actor.UserId && u.PasswordHash != null, ct);
        return (signIns, hasPassword);
    }

    /// <summary>Unlinks a provider's sign-in; only while the account has a password, so no one unlinks their only way in.</summary>
    public async Task RemoveLinkedSignInAsync(Actor actor, string? provider, string? key)
    {
        new Validator()
            .Required("provider", provider, "The sign-in", 200)
            .Required("key", key, "The sign-in", 400)
            .ThrowIfInvalid();
        var user = await RequireUserAsync(actor);
        if (!await users.HasPasswordAsync(user))
            throw new ValidationFailedException("login", "Set a password first (\"Forgot your password?\" sends a link): without one you could no longer sign in.");
        var result = await users.RemoveLoginAsync(user, provider!, key!);
        if (!result.Succeeded) throw Failed(result, invalidToken: null);
    }

    private async Task<AppUser> RequireUserAsync(Actor actor)
    {
        actor.Require(actor.IsAuthenticated, "change account security");
        return await users.FindByIdAsync(actor.UserId!) ?? throw new NotFoundException("Your account");
    }

    private static ValidationFailedException Failed(IdentityResult result, string? invalidToken) =>
        new(new Dictionary<string, string[]>
        {
            ["password"] = result.Errors
                .Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) && invalidToken is not null ? invalidToken : e.Description)
                .ToArray(),
        });

    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
