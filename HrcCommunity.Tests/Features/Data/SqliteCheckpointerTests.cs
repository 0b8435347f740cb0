using HrcCommunity.Domain.Data;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Tests.Features.Data;

/// <summary>
/// Runs alone: SQLite also checkpoints when the last connection to a database closes, and other tests clear every
/// connection pool as they end, which closes this test's connections between its commits (it failed once on CI so).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteCheckpointCollection
{
    public const string Name = "sqlite-checkpoints";
}

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
[Collection(SqliteCheckpointCollection.Name)]
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task CommitsLeaveTheLogToTheCheckpointer_WhichCopiesAllOfIt_IntoTheDatabaseFile()
    {
        await using var database = new SqliteDatabase { Provider = DatabaseProvider.Sqlite };
        await database.InitializeAsync();
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(SqliteConnectionSettings.CommitCheckpointPages, (await db.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToListAsync()).Single());
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE checkpoint_probe (payload BLOB)");
        }
        await database.Get<SqliteCheckpointer>().CheckpointAsync(CancellationToken.None);
        var fileBefore = new FileInfo(database.DataFolder.DatabasePath).Length;

        // About 1,500 pages in 300 commits: past SQLite's own threshold (1,000 pages), which would have made one of
        // these commits copy the log into the file.
        for (var i = 0; i < 300; i++)
        {
            await using var db = database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO checkpoint_probe VALUES (randomblob(20000))");
        }
        Assert.Equal(fileBefore, new FileInfo(database.DataFolder.DatabasePath).Length);

        var result = await database.Get<SqliteCheckpointer>().CheckpointAsync(CancellationToken.None);

        Assert.False(result.Busy);
        Assert.True(result.LogFrames > 1000, $"{result.LogFrames} frames in the log");
        Assert.Equal(result.LogFrames, result.CheckpointedFrames);
        Assert.True(new FileInfo(database.DataFolder.DatabasePath).Length > fileBefore + 5_000_000);
    }

    [Fact]
    public async Task RunsBesideTheApp_OnSqliteOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();

        var checkpointers = database.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>();

        Assert.Equal(database.Provider == DatabaseProvider.Sqlite, checkpointers.Any());
    }
}
