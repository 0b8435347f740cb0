using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed class DemoUsersSeed(IPasswordHasher<AppUser> hasher, TimeProvider clock, IHostEnvironment environment) : ISeed
{
    public int Order => 1;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (!DemoUsers.AllowedIn(environment)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in DemoUsers.All)
        {
            var normalized = demo.Email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct)) continue;
            var user = new AppUser
            {
                UserName = demo.Email, NormalizedUserName = normalized, Email = demo.Email, NormalizedEmail = normalized,
                EmailConfirmed = true, DisplayName = demo.DisplayName, City = demo.City, Organisation = demo.Organisation,
                ApprovalStatus = demo.Status, RegisteredAt = now, ReviewedAt = demo.Status == ApprovalStatus.Approved ? now : null,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                IsDemo = true,
            };
            user.PasswordHash = hasher.HashPassword(user, DemoUsers.Password);
            db.Users.Add(user);
            if (demo.Role is not null) await AccountApprovalService.EnsureRoleAsync(db, user.Id, demo.Role, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
