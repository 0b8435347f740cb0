using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<DataExport> DataExports => Set<DataExport>();
    public DbSet<AccountDeletion> AccountDeletions => Set<AccountDeletion>();

    private static void ConfigurePrivacy(ModelBuilder builder)
    {
        builder.Entity<DataExport>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.StoredName).HasMaxLength(100);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.UserId, x.RequestedAt });
            e.HasIndex(x => x.ExpiresAt);
            // The archives' files go with the account in AccountDeletionService; the rows go with the user.
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AccountDeletion>(e => e.HasIndex(x => x.DeletedAt));
    }
}
