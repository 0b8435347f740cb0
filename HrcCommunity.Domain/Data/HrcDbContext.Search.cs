using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    internal const string SearchMatchIndex = "IX_SearchEntries_Match";

    partial void ConfigureSearch(ModelBuilder builder)
    {
        builder.Entity<SearchEntry>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Url).HasMaxLength(300);
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasIndex(x => new { x.Kind, x.Key, x.Layer }).IsUnique();
            // Search checks every match's layer and reads the kind, title and summary of the newest ones (for
            // the counts and the ranking): this covering index answers that without reading the long body.
            e.HasIndex(x => new { x.Id, x.Layer, x.Kind, x.Key, x.Title, x.Summary }).HasDatabaseName(SearchMatchIndex);
            // The Atom feed reads the newest public entries.
            e.HasIndex(x => new { x.Layer, x.UpdatedAt });
        });
    }
}
