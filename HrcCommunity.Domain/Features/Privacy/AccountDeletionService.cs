using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>How a person proves it is really them before their account goes.</summary>
public enum DeletionProof
{
    Password,
    TwoFactorCode,
    /// <summary>An account with neither (signed in through Microsoft only) types its email address.</summary>
    EmailAddress,
}

public sealed record DeletionRequest(string? Secret, bool KeepContributions);

/// <summary>
/// "Delete my account": the identity goes entirely; public contributions stay under "a former member"
/// or go, as the person chooses where the network allows it. Scoped, because Identity's UserManager is.
/// </summary>
public sealed class AccountDeletionService(
    UserManager<AppUser> users,
    IDbContextFactory<HrcDbContext> dbFactory,
    PersonalDataExportService exports,
    TimeProvider clock)
{
    public async Task<DeletionProof> ProofForAsync(Actor actor)
    {
        var user = await FindAsync(actor);
        return user.TwoFactorEnabled ? DeletionProof.TwoFactorCode
            : await users.HasPasswordAsync(user) ? DeletionProof.Password
            : DeletionProof.EmailAddress;
    }

    public async Task DeleteAsync(Actor actor, DeletionRequest request, CancellationToken ct = default)
    {
        var user = await FindAsync(actor);
        await RequireProofAsync(user, request.Secret?.Trim() ?? "");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await UserAdministrationService.IsLastAdminAsync(db, user.Id, ct))
            throw new ValidationFailedException("secret", "You are the network's only Admin: make someone else an Admin first, so the network keeps one.");

        var person = new DeletedPerson(user.Id, user.Email ?? "", user.DisplayName);
        await ContributionScrubber.ScrubAsync(db, person, request.KeepContributions, clock, ct);
        await exports.DeleteFilesOfAsync(db, user.Id, ct);
        // Roles, claims, logins, tokens, drafts and data archives go with the row (cascading keys).
        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(ct);
        db.AccountDeletions.Add(new AccountDeletion { DeletedAt = clock.GetUtcNow().UtcDateTime, ContributionsKept = request.KeepContributions });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AccountDeletion>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see deleted accounts");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AccountDeletions.AsNoTracking().OrderByDescending(d => d.DeletedAt).Take(200).ToListAsync(ct);
    }

    private async Task<AppUser> FindAsync(Actor actor)
    {
        actor.Require(actor.IsAuthenticated, "delete an account");
        return await users.FindByIdAsync(actor.UserId!) ?? throw new NotFoundException("Your account");
    }

    private async Task RequireProofAsync(AppUser user, string secret)
    {
        var proved = user.TwoFactorEnabled
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, secret.Replace(" ", "").Replace("-", ""))
            : await users.HasPasswordAsync(user)
                ? await users.CheckPasswordAsync(user, secret)
                : string.Equals(secret, user.Email, StringComparison.OrdinalIgnoreCase);
        if (!proved)
            throw new ValidationFailedException("secret", user.TwoFactorEnabled
                ? "That code is not right. Type the current six-digit code from your authenticator app."
                : "That is not your password. Your account was not deleted.");
    }
}

internal sealed record DeletedPerson(string Id, string Email, string DisplayName);
