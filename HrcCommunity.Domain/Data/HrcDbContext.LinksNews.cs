using HrcCommunity.Domain.Features.Links;
using HrcCommunity.Domain.Features.News;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<UsefulLink> UsefulLinks => Set<UsefulLink>();
    public DbSet<NewsPost> NewsPosts => Set<NewsPost>();

    partial void ConfigureLinksNews(ModelBuilder builder)
    {
        builder.Entity<UsefulLink>(e =>
        {
            e.Property(x => x.Category).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(UsefulLink.TitleMax);
            e.Property(x => x.Url).HasMaxLength(UsefulLink.UrlMax);
            e.Property(x => x.Description).HasMaxLength(UsefulLink.DescriptionMax);
            e.Property(x => x.Themes).HasMaxLength(800);
            e.HasIndex(x => new { x.Category, x.Position });
        });
        builder.Entity<NewsPost>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(NewsPost.TitleMax);
            e.Property(x => x.Summary).HasMaxLength(NewsPost.SummaryMax);
            e.Property(x => x.Themes).HasMaxLength(800);
            e.Property(x => x.AuthorName).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.PublishedAt);
        });
    }
}
