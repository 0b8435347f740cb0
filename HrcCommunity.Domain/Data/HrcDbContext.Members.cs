using HrcCommunity.Domain.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<MemberCity> MemberCities => Set<MemberCity>();
    public DbSet<AssociateMember> AssociateMembers => Set<AssociateMember>();

    partial void ConfigureMembers(ModelBuilder builder)
    {
        builder.Entity<MemberCity>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Country).HasMaxLength(60);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.Website).HasMaxLength(300);
            e.Property(x => x.FocalContact).HasMaxLength(300);
            e.HasIndex(x => x.Slug).IsUnique();
        });
        builder.Entity<AssociateMember>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(150);
            e.Property(x => x.Kind).HasMaxLength(60);
            e.Property(x => x.Country).HasMaxLength(60);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.Website).HasMaxLength(300);
            e.HasIndex(x => x.Slug).IsUnique();
        });
    }
}
