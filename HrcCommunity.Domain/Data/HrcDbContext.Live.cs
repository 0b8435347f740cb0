using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<LiveChange> LiveChanges => Set<LiveChange>();

    partial void ConfigureLive(ModelBuilder builder)
    {
        builder.Entity<LiveChange>(e =>
        {
            e.Property(x => x.Topic).HasMaxLength(LiveChange.TopicMax);
            e.Property(x => x.Kind).HasMaxLength(LiveChange.KindMax);
            e.Property(x => x.ActorId).HasMaxLength(450);
            // The order of a topic, and the guard against a batch written twice.
            e.HasIndex(x => new { x.Topic, x.Seq }).IsUnique();
        });
    }
}
