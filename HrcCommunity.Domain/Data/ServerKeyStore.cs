using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// The server's secret keys (HMAC keys of links and hashes). On SQLite, one instance: files in the data folder's keys
/// path (<see cref="KeyFiles"/>). On PostgreSQL, where several instances must sign and check with the same key: rows of
/// <c>ServerKeys</c>, created by whichever instance asks first. There a copy of the database holds the keys too, so its
/// backups need the care of the keys themselves.
/// </summary>
public sealed class ServerKeyStore(DataFolder dataFolder, DatabaseSettings database, IDbContextFactory<HrcDbContext> dbFactory)
{
    /// <summary>The 32-byte key of that name, created on first use.</summary>
    public byte[] LoadOrCreate(string name)
    {
        if (!database.IsPostgreSql) return KeyFiles.LoadOrCreate(dataFolder, name);
        using var db = dbFactory.CreateDbContext();
        var candidate = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        // Two instances starting together both try; the first row stays, so every link and hash stays valid.
        db.Database.ExecuteSql($"""INSERT INTO "ServerKeys" ("Name", "Value") VALUES ({name}, {candidate}) ON CONFLICT ("Name") DO NOTHING""");
        return Convert.FromBase64String(db.ServerKeys.AsNoTracking().Where(k => k.Name == name).Select(k => k.Value).Single());
    }
}
