using HrcCommunity.Domain.Live;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>
/// Who an identity provider says signed in: <paramref name="Key"/> names the person at that provider for good (for
/// Microsoft, tenant and object id); <paramref name="EmailVerified"/> is true only when the provider vouches for the
/// address, never because an address is merely present.
/// </summary>
public sealed record ExternalIdentity(string Provider, string Key, string ProviderDisplayName, string? Email, bool EmailVerified, string? DisplayName);

public enum ExternalSignInRefusal
{
    /// <summary>No address, or one the provider does not vouch for: it cannot create or link an account.</summary>
    UnverifiedEmail,
    /// <summary>The provider's account is linked to one local account, and its address is another's.</summary>
    LinkedToAnotherAccount,
    /// <summary>The account with this address is already linked to a different account at the same provider.</summary>
    AccountLinkedElsewhere,
    /// <summary>Someone else created or linked the same account at the same moment.</summary>
    Conflict,
}

public sealed class ExternalSignInRefusedException(ExternalSignInRefusal reason, string message) : DomainException(message)
{
    public ExternalSignInRefusal Reason { get; } = reason;
}

/// <summary>The local account an external sign-in opens, and whether this sign-in created it.</summary>
public sealed record ExternalAccount(string UserId, bool Created);

/// <summary>
/// Finds, links or creates the local account behind a sign-in at an identity provider. Linking and creating happen in
/// one SaveChanges (one transaction): a refused or failed sign-in leaves no account and no half-made link. A new account
/// is pending like any other and gets no role: the provider vouches for the address (so it counts as confirmed), never
/// for membership, which stays a Coordinator's decision.
/// </summary>
public sealed class ExternalSignInService(
    IDbContextFactory<HrcDbContext> dbFactory,
    ILookupNormalizer normalizer,
    ILiveNotifier<AccountChanged> notifier,
    TimeProvider clock)
{
    public async Task<ExternalAccount> ResolveAsync(ExternalIdentity identity, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var linkedUserId = await db.UserLogins
            .Where(l => l.LoginProvider == identity.Provider && l.ProviderKey == identity.Key)
            .Select(l => l.UserId)
            .FirstOrDefaultAsync(ct);
        var email = VerifiedEmail(identity);
        var normalizedEmail = email is null ? null : normalizer.NormalizeEmail(email);
        var owner = normalizedEmail is null ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);

        if (linkedUserId is not null)
        {
            if (owner is not null && owner.Id != linkedUserId)
                throw new ExternalSignInRefusedException(ExternalSignInRefusal.LinkedToAnotherAccount,
                    $"This {identity.ProviderDisplayName} account is already linked to another account here, not to the one for {email}.");
            return new ExternalAccount(linkedUserId, Created: false);
        }

        if (email is null)
            throw new ExternalSignInRefusedException(ExternalSignInRefusal.UnverifiedEmail,
                $"Your {identity.ProviderDisplayName} account did not give an email address it has verified, so no account was created or linked.");

        ExternalAccount account;
        if (owner is not null)
        {
            if (await db.UserLogins.AnyAsync(l => l.UserId == owner.Id && l.LoginProvider == identity.Provider, ct))
                throw new ExternalSignInRefusedException(ExternalSignInRefusal.AccountLinkedElsewhere,
                    $"The account for {email} is already linked to a different {identity.ProviderDisplayName} account.");
            if (!owner.EmailConfirmed) await ForgetUnprovenSecretsAsync(db, owner, ct);
            owner.EmailConfirmed = true;
            owner.ConcurrencyStamp = Guid.NewGuid().ToString();
            account = new ExternalAccount(owner.Id, Created: false);
        }
        else
        {
            var user = NewAccount(identity, email, normalizedEmail!);
            db.Users.Add(user);
            account = new ExternalAccount(user.Id, Created: true);
        }
        db.UserLogins.Add(new IdentityUserLogin<string>
        {
            LoginProvider = identity.Provider, ProviderKey = identity.Key, ProviderDisplayName = identity.ProviderDisplayName, UserId = account.UserId,
        });

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique keys on the login and the user name refuse a second, simultaneous first sign-in.
            throw new ExternalSignInRefusedException(ExternalSignInRefusal.Conflict,
                "Your account was being set up by another sign-in at the same moment. Please sign in again.");
        }

        // The address is confirmed, so the account is in the Coordinators' queue now.
        var changed = new AccountChanged(account.UserId, ApprovalStatus.Pending);
        if (account.Created || owner!.ApprovalStatus == ApprovalStatus.Pending)
        {
            await notifier.PublishAsync(AccountChanged.QueueTopic, null, changed);
            await notifier.PublishAsync(AccountChanged.AccountTopic(account.UserId), null, changed);
        }
        return account;
    }

    private static string? VerifiedEmail(ExternalIdentity identity)
    {
        if (!identity.EmailVerified || string.IsNullOrWhiteSpace(identity.Email)) return null;
        var email = identity.Email.Trim();
        return new Validator().Email("email", email, "Email", required: true).IsValid ? email : null;
    }

    /// <summary>
    /// Whoever registered an address they never confirmed may not be its owner: the password and two-factor key they
    /// chose must not open the account its real owner now links. Their sessions end with the new security stamp.
    /// </summary>
    private static async Task ForgetUnprovenSecretsAsync(HrcDbContext db, AppUser owner, CancellationToken ct)
    {
        owner.PasswordHash = null;
        owner.TwoFactorEnabled = false;
        owner.SecurityStamp = Guid.NewGuid().ToString();
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == owner.Id).ToListAsync(ct));
    }

    private AppUser NewAccount(ExternalIdentity identity, string email, string normalizedEmail)
    {
        var name = string.IsNullOrWhiteSpace(identity.DisplayName) ? email[..email.IndexOf('@')] : identity.DisplayName.Trim();
        return new AppUser
        {
            UserName = email, NormalizedUserName = normalizer.NormalizeName(email),
            Email = email, NormalizedEmail = normalizedEmail, EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = name.Length > AppUser.NameMax ? name[..AppUser.NameMax] : name,
            ApprovalStatus = ApprovalStatus.Pending,
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
