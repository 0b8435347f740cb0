using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace HrcCommunity.Domain.Data;

public enum DatabaseProvider
{
    /// <summary>One file in the data folder, one app instance: the default.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server shared by several app instances.</summary>
    PostgreSql,
}

/// <summary>
/// Which database the platform runs on (<c>Hrc:Database:Provider</c>) and where (<c>Hrc:Database:ConnectionString</c>).
/// Read once at start-up; a setting that cannot work stops the app with a message instead of failing on first use.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string Section = "Hrc:Database";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public static DatabaseSettings From(IConfiguration configuration, DataFolder dataFolder)
    {
        var providerName = configuration[$"{Section}:Provider"];
        var connectionString = configuration[$"{Section}:ConnectionString"];
        if (string.IsNullOrWhiteSpace(providerName) || string.Equals(providerName, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
            return new DatabaseSettings(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(connectionString)
                ? SqliteConnectionString(dataFolder.DatabasePath) : connectionString);
        if (!string.Equals(providerName, nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Section}:Provider is \"{providerName}\"; use Sqlite (the default) or PostgreSql.");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"{Section}:Provider is PostgreSql but {Section}:ConnectionString is empty; " +
                "set it to the server's connection string, e.g. \"Host=db;Database=hrc;Username=hrc;Password=…\".");
        return new DatabaseSettings(DatabaseProvider.PostgreSql, connectionString);
    }

    public static string SqliteConnectionString(string databasePath) => $"Data Source={databasePath};Default Timeout=30";

    /// <summary>The provider with the options every context of the platform needs, at run time and for <c>dotnet ef</c>.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options)
    {
        if (IsPostgreSql) options.UseNpgsql(ConnectionString);
        else options.UseSqlite(ConnectionString).AddInterceptors(SqliteConnectionSettings.Instance);
        // Each provider has its own migrations in the same assembly: this picks the set by namespace.
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }
}
