using HrcCommunity.Domain.Features.Members;
using HrcCommunity.Domain.Features.Networks;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<NetworkMemberCity> NetworkMemberCities => Set<NetworkMemberCity>();
    public DbSet<NetworkCorrection> NetworkCorrections => Set<NetworkCorrection>();
    public DbSet<NetworkChange> NetworkChanges => Set<NetworkChange>();

    partial void ConfigureNetworks(ModelBuilder builder)
    {
        builder.Entity<Network>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(150);
            e.Property(x => x.Acronym).HasMaxLength(30);
            e.Property(x => x.Summary).HasMaxLength(Network.SummaryMax);
            e.Property(x => x.MemberKinds).HasMaxLength(150);
            e.Property(x => x.MembershipModel).HasMaxLength(20);
            e.Property(x => x.Headquarters).HasMaxLength(150);
            e.Property(x => x.Regions).HasMaxLength(200);
            e.Property(x => x.Themes).HasMaxLength(1000);
            e.Property(x => x.Website).HasMaxLength(300);
            e.Property(x => x.Source).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Slug).IsUnique();
        });
        builder.Entity<NetworkMemberCity>(e =>
        {
            e.ToTable("NetworkMemberCities");
            e.HasKey(x => new { x.NetworkId, x.MemberCityId });
            e.HasOne<Network>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MemberCity>().WithMany().HasForeignKey(x => x.MemberCityId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.MemberCityId);
        });
        builder.Entity<NetworkCorrection>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(NetworkCorrectionService.NoteMax);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.ProposedByName).HasMaxLength(100);
            e.Property(x => x.ProposerKey).HasMaxLength(64);
            e.Property(x => x.DecidedByName).HasMaxLength(100);
            e.Property(x => x.DecisionNote).HasMaxLength(500);
            e.HasOne<Network>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Status, x.ProposedAt });
            e.HasIndex(x => new { x.ProposerKey, x.ProposedAt });
        });
        builder.Entity<NetworkChange>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Fields).HasMaxLength(400);
            e.Property(x => x.ChangedByName).HasMaxLength(100);
            e.HasOne<Network>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.NetworkId, x.Version });
        });
    }
}
