using HrcCommunity.Domain.Features.Networks;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<NetworkTag> NetworkTags => Set<NetworkTag>();

    private static void ConfigureNetworkTags(ModelBuilder builder)
    {
        builder.Entity<NetworkTag>(e =>
        {
            e.Property(x => x.NetworkSlug).HasMaxLength(80);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Url).HasMaxLength(300);
            e.HasIndex(x => new { x.Kind, x.Key, x.NetworkSlug }).IsUnique();
            e.HasIndex(x => x.NetworkSlug);
        });
    }
}
