using HrcCommunity.Domain;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Data;

public sealed class SchemaTests
{
    [Fact]
    public async Task MigratedDatabase_HasNoPendingModelChanges()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("schema"), "migrated.db");
        await using var db = NewContext(path);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add <Name>` (README, Database and migrations).");
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task PostgreSqlMigrations_ApplyOnAServer_AndLeaveNoPendingModelChanges()
    {
        var cluster = await PostgresCluster.StartedAsync();
        var name = $"schema_{Guid.NewGuid():N}";
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        new DatabaseSettings(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(name)).Configure(options);
        await using (var db = new HrcDbContext(options.Options))
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run `dotnet ef migrations add <Name> … -- PostgreSql` (README, Database and migrations).");
            // Each provider reads only its own set: the SQLite migrations never reach PostgreSQL.
            Assert.All(db.Database.GetAppliedMigrations(), id => Assert.Contains(id, PostgreSqlMigrationIds()));
        }
        await cluster.DropDatabaseAsync(name);
    }

    [Fact]
    public async Task PostgreSqlSearchVector_FollowsTheEntriesTable_WithWeightsPerColumn()
    {
        var cluster = await PostgresCluster.StartedAsync();
        var name = $"schema_{Guid.NewGuid():N}";
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        new DatabaseSettings(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(name)).Configure(options);
        await using (var db = new HrcDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            var entry = new SearchEntry { Kind = "practice", Key = "k1", Title = "Zürich charter", Summary = "Summary words", Body = "body-text", Themes = "sdg-16", UpdatedAt = DateTime.UtcNow };
            db.SearchEntries.Add(entry);
            await db.SaveChangesAsync();

            Assert.Equal("'body':5C 'charter':2A 'kindpractice':8 'sdg16':7 'summary':3B 'text':6C 'words':4B 'zurich':1A",
                await VectorAsync(db, entry.Id));
            entry.Title = "Renamed";
            await db.SaveChangesAsync();
            Assert.Contains("'renamed':1A", await VectorAsync(db, entry.Id));
        }
        await cluster.DropDatabaseAsync(name);
    }

    [Fact]
    public async Task Migrations_CreateTheSearchIndex_AndItsTriggersFollowTheEntriesTable()
    {
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();

        var hits = await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH 'wallenberg'").ToListAsync();
        Assert.NotEmpty(hits);

        var entry = await db.SearchEntries.FirstAsync(e => e.Id == hits[0]);
        entry.Title = "Zanzibarian charter of the Wallenberg study";
        await db.SaveChangesAsync();
        var renamed = await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH 'zanzibarian'").ToListAsync();
        Assert.Equal([entry.Id], renamed);

        db.SearchEntries.Remove(entry);
        await db.SaveChangesAsync();
        var removed = await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH 'zanzibarian'").ToListAsync();
        Assert.Empty(removed);
    }

    [Fact]
    public async Task Migrations_IndexThemeCodesAndKindsAsTokensOfTheirOwn()
    {
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var tagged = await db.SearchEntries.Where(e => e.Themes.Contains("-")).Select(e => new { e.Id, e.Themes, e.Kind }).FirstAsync();
        var theme = tagged.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(t => t.Contains('-')).Replace("-", "");

        var match = $"Themes:{theme} AND Kind:kind{tagged.Kind}";
        var hits = await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH {match}").ToListAsync();

        Assert.Contains(tagged.Id, hits);
    }

    private static async Task<string> VectorAsync(HrcDbContext db, long id) =>
        await db.Database.SqlQuery<string>($"SELECT \"SearchVector\"::text AS \"Value\" FROM \"SearchEntries\" WHERE \"Id\" = {id}").SingleAsync();

    private static HashSet<string> PostgreSqlMigrationIds() => typeof(HrcDbContext).Assembly.GetTypes()
        .Where(t => t.Namespace == "HrcCommunity.Domain.Data.PostgreSqlMigrations")
        .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Cast<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
        .OfType<string>().ToHashSet();

    private static HrcDbContext NewContext(string path)
    {
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        DomainServiceCollectionExtensions.ConfigureSqlite(options, path);
        return new HrcDbContext(options.Options);
    }
}
