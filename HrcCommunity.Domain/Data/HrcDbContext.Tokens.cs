using HrcCommunity.Domain.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    partial void ConfigureTokens(ModelBuilder builder)
    {
        builder.Entity<PersonalAccessToken>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(PersonalAccessToken.NameMax);
            e.Property(x => x.Prefix).HasMaxLength(PersonalAccessToken.PrefixLength);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.RevokedById).HasMaxLength(450);
            e.HasIndex(x => x.Prefix).IsUnique();
            e.HasIndex(x => new { x.UserId, x.RevokedAt, x.ExpiresAt });
            // Deleting an account takes its tokens with it.
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
