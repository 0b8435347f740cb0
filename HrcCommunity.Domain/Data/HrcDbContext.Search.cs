using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    internal const string SearchFilterIndex = "IX_SearchEntries_Filter";

    partial void ConfigureSearch(ModelBuilder builder)
    {
        builder.Entity<SearchEntry>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Url).HasMaxLength(300);
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasIndex(x => new { x.Kind, x.Key, x.Layer }).IsUnique();
            // Search filters every match on layer, kind and theme: this covering index answers them
            // without reading the entry's long text, which is what makes common words cheap.
            e.HasIndex(x => new { x.Id, x.Layer, x.Kind, x.Key, x.Themes }).HasDatabaseName(SearchFilterIndex);
            // The Atom feed reads the newest public entries.
            e.HasIndex(x => new { x.Layer, x.UpdatedAt });
        });
    }
}
