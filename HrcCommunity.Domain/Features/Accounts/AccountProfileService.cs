using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed record AccountProfile(string DisplayName, string Email, string City, string Organisation,
    ApprovalStatus Status, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTime RegisteredAt);

public sealed record ProfileEdit(string DisplayName, string City, string Organisation);

/// <summary>What a person sees and edits about themselves at /account.</summary>
public sealed class AccountProfileService(IDbContextFactory<HrcDbContext> dbFactory)
{
    public async Task<AccountProfile> GetAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "see an account");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == actor.UserId, ct) ?? throw new NotFoundException("Your account");
        var roles = await AccountApprovalService.RoleNamesAsync(db, user.Id, ct);
        return new AccountProfile(user.DisplayName, user.Email ?? "", user.City, user.Organisation, user.ApprovalStatus,
            roles.Order(StringComparer.Ordinal).ToList(), user.TwoFactorEnabled, user.RegisteredAt);
    }

    public async Task UpdateAsync(Actor actor, ProfileEdit edit, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "edit an account");
        new Validator()
            .Required("displayName", edit.DisplayName, "Your name", AppUser.NameMax)
            .Required("city", edit.City, "City", AppUser.CityMax)
            .Required("organisation", edit.Organisation, "Organisation", AppUser.OrganisationMax)
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DisplayName, edit.DisplayName.Trim())
            .SetProperty(u => u.City, edit.City.Trim())
            .SetProperty(u => u.Organisation, edit.Organisation.Trim()), ct);
    }
}
