using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// What <c>dotnet ef</c> builds the context with: the same SQLite options as the app, on a throwaway file,
/// so adding a migration never needs the web host's configuration or touches the real database.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HrcDbContext>
{
    public HrcDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        DomainServiceCollectionExtensions.ConfigureSqlite(options, Path.Combine(Path.GetTempPath(), "hrc-design-time.db"));
        return new HrcDbContext(options.Options);
    }
}
