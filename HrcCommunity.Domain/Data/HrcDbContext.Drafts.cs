using HrcCommunity.Domain.Features.Drafts;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<Draft> Drafts => Set<Draft>();

    private static void ConfigureDrafts(ModelBuilder builder)
    {
        builder.Entity<Draft>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Key).HasMaxLength(Draft.KeyMax);
            e.HasIndex(x => new { x.UserId, x.Key }).IsUnique();
            e.HasOne<Features.Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
