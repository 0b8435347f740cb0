using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed class RolesSeed : ISeed
{
    public int Order => 0;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !existing.Contains(r)))
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(ct);
    }
}
