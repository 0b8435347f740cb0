using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed record UserRow(string Id, string DisplayName, string Email, string City, string Organisation,
    ApprovalStatus Status, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Admins grant and revoke roles. The network always keeps at least one Admin.</summary>
public sealed class UserAdministrationService(
    IDbContextFactory<HrcDbContext> dbFactory,
    ILiveNotifier<AccountChanged> notifier,
    TimeProvider clock)
{
    /// <summary>Sorted by name, email, city or status (<see cref="ListRequest.Sort"/>), by name when unknown.</summary>
    public async Task<ListPage<UserRow>> ListAsync(Actor actor, string? search, ListRequest request, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "manage accounts");
        new Validator().Length("search", search, "The search", 100).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term)
                || u.City.ToUpper().Contains(term) || u.Organisation.ToUpper().Contains(term));
        }
        var now = clock.GetUtcNow();
        var users = await Sorted(query, request).ToListPageAsync(request, ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return users.Map(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.City, u.Organisation, u.ApprovalStatus,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd is { } end && end > now));
    }

    private static IQueryable<AppUser> Sorted(IQueryable<AppUser> users, ListRequest request) =>
        (request.SortOr("name", "name", "email", "city", "status"), request.Descending) switch
        {
            ("email", false) => users.OrderBy(u => u.NormalizedEmail),
            ("email", true) => users.OrderByDescending(u => u.NormalizedEmail),
            ("city", false) => users.OrderBy(u => u.City).ThenBy(u => u.DisplayName),
            ("city", true) => users.OrderByDescending(u => u.City).ThenBy(u => u.DisplayName),
            ("status", false) => users.OrderBy(u => u.ApprovalStatus).ThenBy(u => u.DisplayName),
            ("status", true) => users.OrderByDescending(u => u.ApprovalStatus).ThenBy(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            _ => users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        };

    public async Task SetRoleAsync(Actor actor, string userId, string role, bool granted, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "manage roles");
        if (!Roles.All.Contains(role)) throw new ValidationFailedException("role", $"There is no role called {role}.");
        if (!granted && role == Roles.Admin && userId == actor.UserId)
            throw new ValidationFailedException("role", "You cannot remove your own Admin role: ask another Admin, so someone can always undo it.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("The account");
        if (granted && user.ApprovalStatus != ApprovalStatus.Approved)
            throw new ValidationFailedException("role", $"{user.DisplayName}'s account is not approved yet: approve it first.");

        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstAsync(ct);
        var link = await db.UserRoles.FirstOrDefaultAsync(ur => ur.UserId == userId && ur.RoleId == roleId, ct);
        if (granted == (link is not null)) return;
        if (granted)
        {
            await AccountApprovalService.EnsureRoleAsync(db, userId, role, ct);
        }
        else
        {
            if (role == Roles.Admin && await IsLastAdminAsync(db, userId, ct))
                throw new ValidationFailedException("role", "The network needs at least one Admin.");
            db.UserRoles.Remove(link!);
        }
        // The security stamp stays: changing it would sign the person out. Their cookie's roles are
        // re-read from the database within Hrc:Accounts:RefreshClaimsEvery, and Domain checks use the cookie.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notifier.PublishAsync(AccountChanged.AccountTopic(userId), actor.UserId, new AccountChanged(userId, user.ApprovalStatus));
    }

    /// <summary>The rule that the network keeps an Admin, for role changes and account deletion alike.</summary>
    public static async Task<bool> IsLastAdminAsync(HrcDbContext db, string userId, CancellationToken ct)
    {
        var admins = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin));
        return await admins.AnyAsync(ur => ur.UserId == userId, ct) && await admins.CountAsync(ct) <= 1;
    }

    public async Task UnlockAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "unlock accounts");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.AccessFailedCount, 0), ct);
        if (changed == 0) throw new NotFoundException("The account");
    }
}
