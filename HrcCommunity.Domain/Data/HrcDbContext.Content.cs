using HrcCommunity.Domain.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<ContentPage> ContentPages => Set<ContentPage>();
    public DbSet<ContentPageRevision> ContentPageRevisions => Set<ContentPageRevision>();

    partial void ConfigureContent(ModelBuilder builder)
    {
        builder.Entity<ContentPage>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(ContentPage.TitleMax);
            e.Property(x => x.Summary).HasMaxLength(ContentPage.SummaryMax);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.ContentPageId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ContentPageRevision>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(ContentPage.TitleMax);
            e.Property(x => x.ChangedByName).HasMaxLength(100);
        });
    }
}
