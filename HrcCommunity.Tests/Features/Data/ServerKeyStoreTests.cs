using HrcCommunity.Domain.Data;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Data;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class ServerKeyStoreTests
{
    [Fact]
    public async Task TwoInstances_OnOneDatabase_UseTheSameKey_AndPostgreSqlWritesNoKeyFile()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var settings = database.Get<DatabaseSettings>();
        var dbFactory = database.Get<IDbContextFactory<HrcDbContext>>();

        var first = new ServerKeyStore(database.DataFolder, settings, dbFactory);
        var second = new ServerKeyStore(database.DataFolder, settings, dbFactory);
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).LoadOrCreate("shared.key"))));

        Assert.Equal(32, keys[0].Length);
        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.NotEqual(keys[0], first.LoadOrCreate("another.key"));
        Assert.Equal(!settings.IsPostgreSql, File.Exists(Path.Combine(database.DataFolder.KeysPath, "shared.key")));
    }
}
