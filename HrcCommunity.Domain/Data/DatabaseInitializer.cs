using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HrcCommunity.Domain.Data;

public sealed class DatabaseInitializer(
    IDbContextFactory<HrcDbContext> dbFactory,
    IEnumerable<ISeed> seeds,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Applies the migrations (on SQLite after switching to WAL), then runs the seeds that apply.</summary>
    public async Task InitializeAsync(bool includeDemoContent, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            // WAL lets readers go on while a writer commits: the live pages read constantly.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.MigrateAsync(ct);
        }
        foreach (var seed in seeds.Where(s => includeDemoContent || !s.IsDemoContent).OrderBy(s => s.Order))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await seed.SeedAsync(db, ct);
            logger.LogDebug("Seed {Seed} applied", seed.GetType().Name);
        }
    }
}
