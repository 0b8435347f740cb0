using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Privacy;

public sealed record DataExportStatus(DateTime RequestedAt, DateTime? CompletedAt, DateTime? ExpiresAt);

/// <summary>What the build produced: the emailed token, returned for tests and never stored.</summary>
public sealed record BuiltExport(long ExportId, string? Token);

/// <summary>"Download my data": a request, a background build, an emailed link only its owner may open.</summary>
public sealed class PersonalDataExportService(
    IDbContextFactory<HrcDbContext> dbFactory,
    PersonalDataCollector collector,
    IBackgroundJobClient jobs,
    DataFolder dataFolder,
    IOptions<PrivacyOptions> options,
    IOptions<EmailOptions> email,
    TimeProvider clock)
{
    private static readonly TimeSpan _requestInterval = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public async Task<DataExportStatus?> GetLatestAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "download personal data");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DataExports.AsNoTracking().Where(e => e.UserId == actor.UserId).OrderByDescending(e => e.Id)
            .Select(e => new DataExportStatus(e.RequestedAt, e.CompletedAt, e.ExpiresAt)).FirstOrDefaultAsync(ct);
    }

    public async Task<long> RequestAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "download personal data");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = now - _requestInterval;
        if (await db.DataExports.AnyAsync(e => e.UserId == actor.UserId && e.RequestedAt > since, ct))
            throw new RateLimitedException("You asked for your data a few minutes ago; the link is on its way by email. Please wait a while before asking again.");
        var export = new DataExport { UserId = actor.UserId!, RequestedAt = now };
        db.DataExports.Add(export);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<PersonalDataExportJob>(job => job.RunAsync(export.Id, CancellationToken.None));
        return export.Id;
    }

    /// <summary>Builds the archive and emails its link, once: a completed export is left as it is.</summary>
    public async Task<BuiltExport> BuildAsync(long exportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var export = await db.DataExports.FirstOrDefaultAsync(e => e.Id == exportId, ct);
        // Gone with its account, or already done by an earlier attempt.
        if (export is null || export.CompletedAt is not null) return new BuiltExport(exportId, null);
        var to = await db.Users.Where(u => u.Id == export.UserId).Select(u => u.Email).FirstAsync(ct);

        var data = await collector.CollectAsync(export.UserId, ct);
        // The name is fixed per export, so a retry overwrites its own half-written file instead of leaving one behind.
        export.StoredName = $"{export.Id}.zip";
        await WriteArchiveAsync(Path.Combine(dataFolder.ExportsPath, export.StoredName), data, ct);

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        export.TokenHash = StatusLinks.Hash(token);
        export.CompletedAt = now;
        export.ExpiresAt = now + options.Value.ExportLinkLifetime;
        db.Enqueue(clock, to!, PrivacyEmails.Text("ExportReadySubject"),
            PrivacyEmails.Text("ExportReadyText", $"{email.Value.PublicBaseUrl.TrimEnd('/')}/account/data/{token}", export.ExpiresAt), "privacy/export-ready");
        await db.SaveChangesAsync(ct);
        return new BuiltExport(exportId, token);
    }

    /// <summary>The archive's path, for its owner only while the link lasts; anyone else learns nothing, not even that it exists.</summary>
    public async Task<string> OpenAsync(Actor actor, string token, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated || string.IsNullOrEmpty(token) || token.Length > 100) throw new NotFoundException("The download");
        var hash = StatusLinks.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var storedName = await db.DataExports
            .Where(e => e.TokenHash == hash && e.UserId == actor.UserId && e.ExpiresAt > now)
            .Select(e => e.StoredName).FirstOrDefaultAsync(ct);
        var path = storedName is null ? null : Path.Combine(dataFolder.ExportsPath, storedName);
        return path is not null && File.Exists(path) ? path : throw new NotFoundException("The download");
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.DataExports.Where(e => e.ExpiresAt != null && e.ExpiresAt <= now).ToListAsync(ct);
        DeleteFiles(expired);
        db.DataExports.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    /// <summary>Removes a person's archives with their account; the rows go by cascade.</summary>
    public async Task DeleteFilesOfAsync(HrcDbContext db, string userId, CancellationToken ct) =>
        DeleteFiles(await db.DataExports.Where(e => e.UserId == userId).ToListAsync(ct));

    private void DeleteFiles(IEnumerable<DataExport> exports)
    {
        foreach (var export in exports.Where(e => e.StoredName is not null))
            File.Delete(Path.Combine(dataFolder.ExportsPath, export.StoredName!));
    }

    private static async Task WriteArchiveAsync(string path, PersonalData data, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        await using (var entry = await zip.CreateEntry("personal-data.json").OpenAsync(ct))
            await JsonSerializer.SerializeAsync(entry, data.Json, _json, ct);
        foreach (var file in data.Files)
            await zip.CreateEntryFromFileAsync(file.StoredPath, file.ArchivePath, ct);
    }
}
