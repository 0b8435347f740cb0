using System.IO.Compression;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Knowledge;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class AttachmentTests : IClassFixture<SqliteDatabase>
{
    private readonly SqliteDatabase _database;

    public AttachmentTests(SqliteDatabase database) => _database = database;

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    private static readonly byte[] WindowsProgram = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0];

    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[]> AcceptedFiles() => new()
    {
        { "report.pdf", Pdf },
        { "map.png", Png },
        { "photo.JPG", Jpeg },
        { "guide.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")) },
        { "figures.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")) },
        { "slides.pptx", Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>")) },
        { "notes.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")) },
        { "readme.txt", Encoding.UTF8.GetBytes("Plain words, ünïcode and tabs\tare fine.\n") },
        { "table.csv", Encoding.UTF8.GetBytes("city,year\nGraz,2001\n") },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void FileTypes_AcceptRealFilesOfAllowedTypes(string name, byte[] content)
    {
        var (type, error) = FileTypes.Check(name, content);

        Assert.Null(error);
        Assert.NotNull(type);
    }

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "report.pdf", WindowsProgram, "a program" },
        { "photo.png", Pdf, "PDF document" },
        { "guide.docx", Zip(("evil.sh", "rm -rf /")), "not an office document" },
        { "guide.docx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "Excel workbook" },
        { "data.csv", [0x00, 0x01, 0x02, 0xFF, 0xFE], "not of a type we recognise" },
        { "setup.exe", WindowsProgram, "not a file type we accept" },
        { "page.html", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "not a file type we accept" },
        { "image.svg", Encoding.UTF8.GetBytes("<svg onload=alert(1)/>"), "not a file type we accept" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void FileTypes_RefuseFilesWhoseContentDoesNotMatchTheirName(string name, byte[] content, string explanation)
    {
        var (type, error) = FileTypes.Check(name, content);

        Assert.Null(type);
        Assert.Contains(explanation, error);
        Assert.Contains(name, error);
    }

    [Fact]
    public async Task Upload_ARenamedProgram_IsRefusedWithAClearMessage_AndNothingIsStored()
    {
        var (coordinator, slug) = await ItemAsync();
        var attachments = _database.Get<KnowledgeAttachmentService>();
        var filesBefore = StoredFileCount();

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            attachments.UploadAsync(coordinator, slug, "report.pdf", new MemoryStream(WindowsProgram), isPublic: true));

        Assert.Contains("\"report.pdf\" is named like a PDF document, but its content is a program", failure.Errors["file"].Single());
        Assert.Empty((await _database.Get<KnowledgeService>().GetForEditAsync(coordinator, slug)).Attachments);
        Assert.Equal(filesBefore, StoredFileCount());
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefused()
    {
        var (coordinator, slug) = await ItemAsync();
        var attachments = _database.Get<KnowledgeAttachmentService>();
        var tooBig = new byte[attachments.MaxBytes + 1];
        Pdf.CopyTo(tooBig, 0);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            attachments.UploadAsync(coordinator, slug, "big.pdf", new MemoryStream(tooBig), isPublic: true));

        Assert.Contains("larger than the limit of 10 MB", failure.Errors["file"].Single());
    }

    [Fact]
    public async Task Download_OfAPractitionersOnlyFile_IsNotFoundForAnonymousAndPending_AndServedToPractitioners()
    {
        var (coordinator, slug) = await ItemAsync();
        var attachments = _database.Get<KnowledgeAttachmentService>();
        var practitioner = await _database.CreateUserAsync("Pete Practitioner", Roles.Practitioner);
        var pending = await _database.CreateUserAsync("Pam Pending", ApprovalStatus.Pending);
        var open = await attachments.UploadAsync(coordinator, slug, "open.pdf", new MemoryStream(Pdf), isPublic: true);
        var closed = await attachments.UploadAsync(coordinator, slug, "internal-contacts.pdf", new MemoryStream(Pdf), isPublic: false);

        Assert.Equal("open.pdf", (await attachments.OpenAsync(Actor.Anonymous, slug, open.Id)).FileName);
        var hidden = await Assert.ThrowsAsync<NotFoundException>(() => attachments.OpenAsync(Actor.Anonymous, slug, closed.Id));
        Assert.DoesNotContain("internal-contacts", hidden.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => attachments.OpenAsync(pending, slug, closed.Id));
        var served = await attachments.OpenAsync(practitioner, slug, closed.Id);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(served.PhysicalPath));
        Assert.Equal("application/pdf", served.ContentType);

        var anonymousView = (await _database.Get<KnowledgeService>().GetAsync(Actor.Anonymous, slug))!;
        Assert.Equal(["open.pdf"], anonymousView.Attachments.Select(a => a.FileName));
        Assert.Equal(1, anonymousView.HiddenAttachmentCount);
    }

    private async Task<(Actor Coordinator, string Slug)> ItemAsync()
    {
        var coordinator = await _database.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var knowledge = _database.Get<KnowledgeService>();
        var slug = await knowledge.CreateAsync(coordinator, new KnowledgeInput($"Files {Guid.NewGuid():N}", KnowledgeSection.PublicationsAndResources,
            "Summary", "Body", "", false, [], [], []));
        var version = await knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.InReview, 1);
        await knowledge.MoveAsync(coordinator, slug, KnowledgeStatus.Published, version);
        return (coordinator, slug);
    }

    private int StoredFileCount() =>
        Directory.Exists(_database.DataFolder.AttachmentsPath) ? Directory.GetFiles(_database.DataFolder.AttachmentsPath).Length : 0;
}
