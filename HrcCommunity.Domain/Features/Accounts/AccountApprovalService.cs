using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed record PendingAccount(string Id, string DisplayName, string Email, bool EmailConfirmed, string City, string Organisation, DateTime RegisteredAt);

public sealed record AccountStatus(ApprovalStatus Status, IReadOnlyList<string> Roles, string? ReviewNote, bool EmailConfirmed);

public sealed class AccountApprovalService(
    IDbContextFactory<HrcDbContext> dbFactory,
    ILiveNotifier<AccountChanged> notifier,
    TimeProvider clock)
{
    /// <summary>Oldest request first unless sorted by name, city, organisation or registered (<see cref="ListRequest.Sort"/>).</summary>
    public async Task<ListPage<PendingAccount>> ListPendingAsync(Actor actor, ListRequest? request = null, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "review account requests");
        request ??= new ListRequest();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Approval trusts the address: an account enters the queue once its owner has confirmed it.
        var pending = db.Users.AsNoTracking().Where(u => u.ApprovalStatus == ApprovalStatus.Pending && u.EmailConfirmed);
        pending = (request.SortOr("registered", "registered", "name", "city", "organisation"), request.Descending) switch
        {
            ("name", false) => pending.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
            ("name", true) => pending.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            ("city", false) => pending.OrderBy(u => u.City).ThenBy(u => u.RegisteredAt),
            ("city", true) => pending.OrderByDescending(u => u.City).ThenBy(u => u.RegisteredAt),
            ("organisation", false) => pending.OrderBy(u => u.Organisation).ThenBy(u => u.RegisteredAt),
            ("organisation", true) => pending.OrderByDescending(u => u.Organisation).ThenBy(u => u.RegisteredAt),
            (_, true) => pending.OrderByDescending(u => u.RegisteredAt).ThenBy(u => u.Id),
            _ => pending.OrderBy(u => u.RegisteredAt).ThenBy(u => u.Id),
        };
        return await pending
            .Select(u => new PendingAccount(u.Id, u.DisplayName, u.Email!, u.EmailConfirmed, u.City, u.Organisation, u.RegisteredAt))
            .ToListPageAsync(request, ct);
    }

    public async Task<AccountStatus> GetStatusAsync(string userId, CancellationToken ct = default) =>
        (await GetStatusesAsync([userId], ct)).GetValueOrDefault(userId) ?? throw new NotFoundException("The account");

    /// <summary>
    /// Each account's status; an account that no longer exists is left out. Two queries per
    /// <see cref="BulkReads.IdsPerQuery"/> accounts, so every hub connection of an instance can be judged
    /// again at once.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AccountStatus>> GetStatusesAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var statuses = new Dictionary<string, AccountStatus>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in userIds.InQueryChunks())
        {
            var users = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.ApprovalStatus, u.ReviewNote, u.EmailConfirmed }).ToListAsync(ct);
            var roles = (await db.UserRoles.Where(ur => chunk.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
                .ToLookup(x => x.UserId, x => x.Name!, StringComparer.Ordinal);
            foreach (var user in users)
                statuses[user.Id] = new AccountStatus(user.ApprovalStatus, roles[user.Id].ToList(), user.ReviewNote, user.EmailConfirmed);
        }
        return statuses;
    }

    /// <summary>Approves a pending account as a Practitioner; the first decision wins.</summary>
    public Task ApproveAsync(Actor actor, string userId, CancellationToken ct = default) =>
        DecideAsync(actor, userId, ApprovalStatus.Approved, null, ct);

    public Task RejectAsync(Actor actor, string userId, string? note, CancellationToken ct = default)
    {
        new Validator().Length("note", note, "The note", 500).ThrowIfInvalid();
        return DecideAsync(actor, userId, ApprovalStatus.Rejected, note, ct);
    }

    private async Task DecideAsync(Actor actor, string userId, ApprovalStatus decision, string? note, CancellationToken ct)
    {
        actor.Require(actor.CanCoordinate, "review account requests");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid().ToString();
        // The status test inside the UPDATE makes two coordinators' clicks race safely: one row changes.
        var changed = await db.Users
            .Where(u => u.Id == userId && u.ApprovalStatus == ApprovalStatus.Pending && u.EmailConfirmed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ApprovalStatus, decision)
                .SetProperty(u => u.ReviewedAt, now)
                .SetProperty(u => u.ReviewedById, actor.UserId)
                .SetProperty(u => u.ReviewNote, note)
                .SetProperty(u => u.ConcurrencyStamp, stamp), ct);
        if (changed == 0)
        {
            var current = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
                ?? throw new NotFoundException("The account");
            if (current is { ApprovalStatus: ApprovalStatus.Pending, EmailConfirmed: false })
                throw new ConflictException("This person has not confirmed their email address yet; their account can be decided once they have.");
            var by = current.ReviewedById is null ? "someone"
                : await db.Users.Where(u => u.Id == current.ReviewedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "someone";
            throw new ConflictException($"This account was already {current.ApprovalStatus.ToString().ToLowerInvariant()} by {by}.");
        }

        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        if (decision == ApprovalStatus.Approved)
        {
            await EnsureRoleAsync(db, userId, Roles.Practitioner, ct);
            db.Enqueue(clock, user.Email!, AccountEmails.Text("ApprovedSubject"), AccountEmails.Text("ApprovedText", user.DisplayName), "accounts/approved");
        }
        else
        {
            db.Enqueue(clock, user.Email!, AccountEmails.Text("RejectedSubject"), AccountEmails.Text("RejectedText", user.DisplayName,
                string.IsNullOrWhiteSpace(note) ? "" : AccountEmails.Text("RejectedNote", note)), "accounts/rejected");
        }
        await db.SaveChangesAsync(ct);

        var changedEvent = new AccountChanged(userId, decision);
        await notifier.PublishAsync(AccountChanged.QueueTopic, actor.UserId, changedEvent);
        await notifier.PublishAsync(AccountChanged.AccountTopic(userId), actor.UserId, changedEvent);
    }

    internal static async Task EnsureRoleAsync(HrcDbContext db, string userId, string role, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.NormalizedName == role.ToUpperInvariant()).Select(r => r.Id).FirstAsync(ct);
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == roleId, ct))
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
    }

    internal static Task<List<string>> RoleNamesAsync(HrcDbContext db, string userId, CancellationToken ct) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
}
