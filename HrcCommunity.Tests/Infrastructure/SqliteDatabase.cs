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
/// A real, migrated SQLite database in a temp folder with the Domain services wired as the app wires
/// them. One per test class (IClassFixture) or per test (await SqliteDatabase.CreateAsync()).
/// Network content is seeded; demo content only when asked.
/// </summary>
public sealed class SqliteDatabase : IAsyncLifetime, IAsyncDisposable
{
    private ServiceProvider? _services;

    public ManualClock Clock { get; init; } = new();

    /// <summary>Deleted with the database, also when a test hands in its own (to share it with an app it starts).</summary>
    public DataFolder DataFolder { get; init; } = new(RepoPaths.NewTempFolder("db"));

    public bool SeedDemoContent { get; init; }

    /// <summary>Configuration the Domain services read, as in appsettings (e.g. "Hrc:Privacy:ContactRetention").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public static async Task<SqliteDatabase> CreateAsync(bool seedDemoContent = false)
    {
        var database = new SqliteDatabase { SeedDemoContent = seedDemoContent };
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
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
        try { Directory.Delete(DataFolder.Path, recursive: true); } catch (IOException) { }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
