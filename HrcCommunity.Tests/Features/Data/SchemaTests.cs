using HrcCommunity.Domain;
using HrcCommunity.Domain.Data;
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
    public async Task Migrations_CreateTheSearchIndex_AndItsTriggersFollowTheEntriesTable()
    {
        await using var database = await SqliteDatabase.CreateAsync();
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
        await using var database = await SqliteDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var tagged = await db.SearchEntries.Where(e => e.Themes.Contains("-")).Select(e => new { e.Id, e.Themes, e.Kind }).FirstAsync();
        var theme = tagged.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(t => t.Contains('-')).Replace("-", "");

        var match = $"Themes:{theme} AND Kind:kind{tagged.Kind}";
        var hits = await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH {match}").ToListAsync();

        Assert.Contains(tagged.Id, hits);
    }

    private static HrcDbContext NewContext(string path)
    {
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        DomainServiceCollectionExtensions.ConfigureSqlite(options, path);
        return new HrcDbContext(options.Options);
    }
}
