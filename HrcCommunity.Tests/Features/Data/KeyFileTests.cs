using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HrcCommunity.Tests.Features.Questions.QuestionsTestData;

namespace HrcCommunity.Tests.Features.Data;

public sealed class KeyFileTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task StatusLinkKey_IsWrittenReadableByTheAppsUserOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);

        database.Get<StatusLinks>().Create();

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(database.DataFolder.KeysPath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(database.DataFolder.KeysPath, "question-status-links.key")));
    }

    [Fact]
    public void AKeyWrittenWithWiderModes_IsNarrowedOnItsNextUse_AndKeepsItsValue()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = new DataFolder(RepoPaths.NewTempFolder("keys"));
        try
        {
            Directory.CreateDirectory(folder.KeysPath);
            File.SetUnixFileMode(folder.KeysPath, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var path = Path.Combine(folder.KeysPath, "old.key");
            var key = RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(path, Convert.ToBase64String(key));
            File.SetUnixFileMode(path, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Assert.Equal(key, KeyFiles.LoadOrCreate(folder, "old.key"));

            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder.KeysPath));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(folder.Path, recursive: true);
        }
    }

    [Fact]
    public async Task Ask_StoresTheClientAddressAndEmailAsKeyedHashes_NotPlainSha256()
    {
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var email = $"hashed-{Guid.NewGuid():N}@example.org";

        await database.Get<QuestionIntakeService>().AskAsync(Actor.Anonymous, Submission(email: email), "203.0.113.77");

        await using var db = database.CreateDbContext();
        var stored = await db.Questions.Where(q => q.AskerEmail == email).Select(q => new { q.IpHash, q.EmailHash }).SingleAsync();
        var hashes = database.Get<KeyedHashes>();
        Assert.NotEqual(Sha256("203.0.113.77"), stored.IpHash);
        Assert.NotEqual(Sha256(email), stored.EmailHash);
        Assert.Equal(hashes.Of("203.0.113.77"), stored.IpHash);
        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(Convert.FromBase64String(
            File.ReadAllText(Path.Combine(database.DataFolder.KeysPath, "personal-value-hashes.key"))), Encoding.UTF8.GetBytes(email))).ToLowerInvariant(),
            stored.EmailHash);
    }

    private static string Sha256(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
