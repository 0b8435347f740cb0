using HrcCommunity.Domain;
using HrcCommunity.Domain.Data;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Data;

public sealed class SchemaTests
{
    /// <summary>Objects our hand-written SQL migrations add that EF's model cannot describe (FTS5, triggers).</summary>
    private static readonly string[] MigrationOnlyPrefixes = ["search_fts", "search_entries_", "QRTZ_", "IX_QRTZ_", "__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_"];

    [Fact]
    public async Task MigratedSchema_EqualsTheSchemaTheModelCreates()
    {
        var folder = RepoPaths.NewTempFolder("schema");
        var migratedPath = Path.Combine(folder, "migrated.db");
        var modelPath = Path.Combine(folder, "model.db");

        await using (var migrated = NewContext(migratedPath)) await migrated.Database.MigrateAsync();
        await using (var model = NewContext(modelPath)) await model.Database.EnsureCreatedAsync();

        var expected = ReadSchema(modelPath);
        var actual = ReadSchema(migratedPath).Where(o => !MigrationOnlyPrefixes.Any(p => o.Name.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Equal(expected.Select(o => o.ToString()), actual.Select(o => o.ToString()));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Migrations_CreateTheSearchIndex_AndItsTriggersFollowTheEntriesTable()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var hits = await db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH 'wallenberg'").ToListAsync();

        Assert.NotEmpty(hits);
    }

    private static HrcDbContext NewContext(string path)
    {
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        DomainServiceCollectionExtensions.ConfigureSqlite(options, path);
        return new HrcDbContext(options.Options);
    }

    private sealed record SchemaObject(string Type, string Name, string Sql)
    {
        public override string ToString() => $"{Type} {Name}: {Sql}";
    }

    private static List<SchemaObject> ReadSchema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var objects = new List<SchemaObject>();
        while (reader.Read())
            objects.Add(new SchemaObject(reader.GetString(0), reader.GetString(1), Normalize(reader.GetString(2))));
        return objects;
    }

    private static string Normalize(string sql) =>
        string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
