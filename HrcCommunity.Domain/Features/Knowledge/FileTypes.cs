using System.IO.Compression;
using System.Text;

namespace HrcCommunity.Domain.Features.Knowledge;

public sealed record FileType(string Name, string ContentType, string[] Extensions);

/// <summary>
/// Decides what a file is from its bytes, and accepts it only when that agrees with its name: a
/// renamed program called "report.pdf" is refused, whatever its extension says.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("PDF document", "application/pdf", [".pdf"]);
    public static readonly FileType Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileType Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileType Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileType Xlsx = new("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileType Pptx = new("PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileType Odt = new("OpenDocument text", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly FileType Text = new("plain text", "text/plain; charset=utf-8", [".txt"]);
    public static readonly FileType Csv = new("CSV table", "text/csv; charset=utf-8", [".csv"]);

    public static readonly IReadOnlyList<FileType> Allowed = [Pdf, Png, Jpeg, Docx, Xlsx, Pptx, Odt, Text, Csv];

    public const string AllowedDescription =
        "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt), plain text (.txt) and CSV (.csv)";

    /// <summary>The accepted type, or a message that says why the file was refused.</summary>
    public static (FileType? Type, string? Error) Check(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var claimed = Allowed.FirstOrDefault(t => t.Extensions.Contains(extension));
        if (claimed is null)
            return (null, $"\"{fileName}\" is not a file type we accept. Allowed: {AllowedDescription}.");
        var actual = Detect(content, claimed);
        if (actual == claimed) return (claimed, null);
        var what = actual?.Name ?? DescribeUnknown(content);
        return (null, $"\"{fileName}\" is named like a {claimed.Name}, but its content is {what}. Only real {AllowedDescription} files can be attached.");
    }

    private static FileType? Detect(byte[] content, FileType claimed)
    {
        var span = content.AsSpan();
        if (span.StartsWith("%PDF-"u8)) return Pdf;
        if (span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (span.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (span.StartsWith("PK\x03\x04"u8)) return DetectZipDocument(content);
        return (claimed == Text || claimed == Csv) && IsPlainText(content) ? claimed : null;
    }

    /// <summary>Office and OpenDocument files are zip containers; their required entries say which kind.</summary>
    private static FileType? DetectZipDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml")) return Docx;
                if (names.Contains("xl/workbook.xml")) return Xlsx;
                if (names.Contains("ppt/presentation.xml")) return Pptx;
            }
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == Odt.ContentType) return Odt;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsPlainText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'));
    }

    private static string DescribeUnknown(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("MZ"u8) || span.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }) || span.StartsWith("#!"u8))
            return "a program";
        if (span.StartsWith("PK\x03\x04"u8)) return "a zip archive that is not an office document";
        return content.Length == 0 ? "empty" : "not of a type we recognise";
    }
}
