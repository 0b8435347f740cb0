using HrcCommunity.Domain.Data;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Data;

public sealed class DatabaseSettingsTests
{
    private readonly DataFolder _folder = new(RepoPaths.NewTempFolder("settings"));

    [Fact]
    public void NoSetting_IsSqlite_InTheDataFolder()
    {
        var settings = DatabaseSettings.From(Configuration(), _folder);

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(_folder.DatabasePath, settings.ConnectionString);
    }

    [Fact]
    public void PostgreSql_WithAConnectionString_IsTaken_WhateverTheCase()
    {
        var settings = DatabaseSettings.From(Configuration(("Provider", "postgresql"), ("ConnectionString", "Host=db;Database=hrc")), _folder);

        Assert.True(settings.IsPostgreSql);
        Assert.Equal("Host=db;Database=hrc", settings.ConnectionString);
    }

    [Fact]
    public void UnknownProvider_StopsStartUp_NamingTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration(("Provider", "MySql")), _folder));

        Assert.Contains("\"MySql\"", error.Message);
        Assert.Contains("Sqlite (the default) or PostgreSql", error.Message);
    }

    [Fact]
    public void PostgreSql_WithoutAConnectionString_StopsStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration(("Provider", "PostgreSql")), _folder));

        Assert.Contains("Hrc:Database:ConnectionString is empty", error.Message);
    }

    [Fact]
    public async Task Sqlite_EveryConnection_IsWal_AndSyncsAtCheckpointsNotAtEachCommit()
    {
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await using var db = await database.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();

        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        // 1 is NORMAL: in WAL mode no fsync per commit, the cost that dominated a room's group commit (2, FULL, is the default).
        Assert.Equal(1L, await PragmaAsync(db, "synchronous"));
    }

    private static async Task<object?> PragmaAsync(HrcDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return await command.ExecuteScalarAsync();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{DatabaseSettings.Section}:{s.Key}", s.Value)))
        .Build();
}
