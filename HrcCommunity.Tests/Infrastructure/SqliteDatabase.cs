using HrcCommunity.Domain;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// A real, migrated database with the Domain services wired as the app wires them: SQLite in a temp folder, or, when
/// the environment variable HRC_TEST_DATABASE is PostgreSql, a database of its own on the run's throwaway
/// <see cref="PostgresCluster"/>. One per test class (IClassFixture) or per test (await SqliteDatabase.CreateAsync()).
/// Network content is seeded; demo content only when asked. (Named for the default provider: the tests that use it
/// are the domain suite, which ./test.sh runs on both; see <see cref="DatabaseTests"/>.)
/// </summary>
public sealed class SqliteDatabase : IAsyncLifetime, IAsyncDisposable
{
    public const string ProviderVariable = "HRC_TEST_DATABASE";

    /// <summary>Migrated once per run; each test database on PostgreSQL starts as a copy of it.</summary>
    private const string TemplateName = "hrc_template";

    private static readonly Lazy<Task> Template = new(MigrateTemplateAsync);

    private ServiceProvider? _services;
    private string? _postgresName;

    /// <summary>The provider this run's domain tests use.</summary>
    public static DatabaseProvider DefaultProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider : DatabaseProvider.Sqlite;

    /// <summary>This database's provider: the run's, unless a test compares both or checks what only SQLite has (FTS5, key files).</summary>
    public DatabaseProvider Provider { get; init; } = DefaultProvider;

    public ManualClock Clock { get; init; } = new();

    /// <summary>Deleted with the database, also when a test hands in its own (to share it with an app it starts).</summary>
    public DataFolder DataFolder { get; init; } = new(RepoPaths.NewTempFolder("db"));

    public bool SeedDemoContent { get; init; }

    /// <summary>Configuration the Domain services read, as in appsettings (e.g. "Hrc:Privacy:ContactRetention").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public static async Task<SqliteDatabase> CreateAsync(bool seedDemoContent = false, DatabaseProvider? provider = null)
    {
        var database = new SqliteDatabase { SeedDemoContent = seedDemoContent, Provider = provider ?? DefaultProvider };
        await database.InitializeAsync();
        return database;
    }

    /// <summary>What the Domain services were given in <c>Hrc:Database</c>, for a test that starts an app on the same database.</summary>
    public IReadOnlyDictionary<string, string?> DatabaseConfiguration { get; private set; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var cluster = await PostgresCluster.StartedAsync();
            await Template.Value;
            _postgresName = $"hrc_{Guid.NewGuid():N}";
            DatabaseConfiguration = new Dictionary<string, string?>
            {
                [$"{DatabaseSettings.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
                [$"{DatabaseSettings.Section}:ConnectionString"] = await cluster.CreateDatabaseAsync(_postgresName, TemplateName),
            };
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).AddInMemoryCollection(DatabaseConfiguration).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddHrcDomain(configuration, DataFolder);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<HrcDbContext>();
        _services = services.BuildServiceProvider();
        await Get<DatabaseInitializer>().InitializeAsync(SeedDemoContent);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public HrcDbContext CreateDbContext() => Get<IDbContextFactory<HrcDbContext>>().CreateDbContext();

    /// <summary>Creates an approved user with the given roles (or a pending one with none), email confirmed, and returns them as an Actor.</summary>
    public async Task<Actor> CreateUserAsync(string name, params string[] roles) =>
        await CreateUserAsync(name, ApprovalStatus.Approved, roles);

    public async Task<Actor> CreateUserAsync(string name, ApprovalStatus status, params string[] roles)
    {
        await using var db = CreateDbContext();
        var email = $"{Slug.From(name)}-{Guid.NewGuid():N}@test.hrc.local";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = name, City = "Graz", Organisation = "Test", ApprovalStatus = status,
            RegisteredAt = Clock.GetUtcNow().UtcDateTime, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        foreach (var role in roles) await AccountApprovalService.EnsureRoleAsync(db, user.Id, role, CancellationToken.None);
        await db.SaveChangesAsync();
        return new Actor(user.Id, name, roles.ToHashSet(), status == ApprovalStatus.Approved);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null) await (await PostgresCluster.StartedAsync()).DropDatabaseAsync(_postgresName);
        try { Directory.Delete(DataFolder.Path, recursive: true); } catch (IOException) { }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private static async Task MigrateTemplateAsync()
    {
        var cluster = await PostgresCluster.StartedAsync();
        var connectionString = await cluster.CreateDatabaseAsync(TemplateName);
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        new DatabaseSettings(DatabaseProvider.PostgreSql, connectionString).Configure(options);
        await using (var db = new HrcDbContext(options.Options)) await db.Database.MigrateAsync();
        // A template must have no open connection while it is copied.
        Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(connectionString));
    }
}
