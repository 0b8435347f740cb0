using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Knowledge;

public sealed record AttachmentDownload(string FileName, string ContentType, string PhysicalPath);

/// <summary>
/// Files of knowledge items, kept under the data folder with generated names. Every download asks
/// here first, so a practitioners-only file is as invisible to the public as a missing one.
/// </summary>
public sealed class KnowledgeAttachmentService(
    IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, DataFolder dataFolder, IOptions<KnowledgeOptions> options)
{
    public long MaxBytes => options.Value.MaxAttachmentBytes;

    public async Task<KnowledgeAttachmentView> UploadAsync(Actor actor, string slug, string fileName, Stream content, bool isPublic,
        CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "attach files to knowledge items");
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        new Validator().Required("file", name, "The file name", KnowledgeAttachment.FileNameMax).ThrowIfInvalid();

        var bytes = await ReadLimitedAsync(content, name, ct);
        var (type, error) = FileTypes.Check(name, bytes);
        if (type is null) throw new ValidationFailedException("file", error!);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.KnowledgeItems.FirstOrDefaultAsync(k => k.Slug == slug, ct) ?? throw new NotFoundException("The knowledge item");
        Directory.CreateDirectory(dataFolder.AttachmentsPath);
        var storedName = $"{Guid.NewGuid():N}{type.Extensions[0]}";
        var path = Path.Combine(dataFolder.AttachmentsPath, storedName);
        await File.WriteAllBytesAsync(path, bytes, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new KnowledgeAttachment
        {
            KnowledgeItemId = item.Id, FileName = name, StoredName = storedName, ContentType = type.ContentType,
            Size = bytes.Length, IsPublic = isPublic, UploadedAt = now, UploadedByName = actor.DisplayName,
        };
        db.KnowledgeAttachments.Add(attachment);
        db.KnowledgeRevisions.Add(WithItem(KnowledgeService.Revision(actor, item,
            $"Attached {name} ({(isPublic ? "public" : "practitioners only")})", now), item.Id));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return KnowledgeService.ToView(slug, attachment);
    }

    public async Task DeleteAsync(Actor actor, string slug, int attachmentId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "remove attachments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.KnowledgeItems.FirstOrDefaultAsync(k => k.Slug == slug, ct) ?? throw new NotFoundException("The knowledge item");
        var attachment = await db.KnowledgeAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.KnowledgeItemId == item.Id, ct)
            ?? throw new NotFoundException("The attachment");
        db.KnowledgeAttachments.Remove(attachment);
        db.KnowledgeRevisions.Add(WithItem(KnowledgeService.Revision(actor, item, $"Removed {attachment.FileName}", clock.GetUtcNow().UtcDateTime), item.Id));
        await db.SaveChangesAsync(ct);
        var path = Path.Combine(dataFolder.AttachmentsPath, attachment.StoredName);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>The file if this actor may read the item and the file's layer; otherwise "not found", never "forbidden".</summary>
    public async Task<AttachmentDownload> OpenAsync(Actor actor, string slug, int attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.KnowledgeItems.AsNoTracking().FirstOrDefaultAsync(k => k.Slug == slug, ct);
        var attachment = item is null ? null
            : await db.KnowledgeAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.KnowledgeItemId == item.Id, ct);
        if (item is null || attachment is null || !KnowledgeService.CanRead(actor, item)
            || (!attachment.IsPublic && !actor.CanSeePractitionerLayer))
            throw new NotFoundException("The file");
        var path = Path.Combine(dataFolder.AttachmentsPath, attachment.StoredName);
        if (!File.Exists(path)) throw new NotFoundException("The file");
        return new AttachmentDownload(attachment.FileName, attachment.ContentType, path);
    }

    private async Task<byte[]> ReadLimitedAsync(Stream content, string name, CancellationToken ct)
    {
        var max = MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                throw new ValidationFailedException("file", $"\"{name}\" is larger than the limit of {max / (1024.0 * 1024):0.#} MB.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new ValidationFailedException("file", $"\"{name}\" is empty.");
        return buffer.ToArray();
    }

    private static KnowledgeRevision WithItem(KnowledgeRevision revision, int itemId)
    {
        revision.KnowledgeItemId = itemId;
        return revision;
    }
}
