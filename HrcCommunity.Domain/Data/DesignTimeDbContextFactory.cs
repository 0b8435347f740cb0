using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// What <c>dotnet ef</c> builds the context with: the same options as the app, so adding a migration never needs the
/// web host's configuration or touches a real database. SQLite (a throwaway file) unless the arguments after
/// <c>--</c> say <c>PostgreSql</c>: then Npgsql, whose migrations are generated without connecting to a server.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HrcDbContext>
{
    public HrcDbContext CreateDbContext(string[] args)
    {
        var settings = args.Contains(nameof(DatabaseProvider.PostgreSql), StringComparer.OrdinalIgnoreCase)
            ? new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=hrc-design-time")
            : new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSettings.SqliteConnectionString(Path.Combine(Path.GetTempPath(), "hrc-design-time.db")));
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        settings.Configure(options);
        return new HrcDbContext(options.Options);
    }
}
