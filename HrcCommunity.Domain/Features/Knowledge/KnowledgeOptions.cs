namespace HrcCommunity.Domain.Features.Knowledge;

public sealed class KnowledgeOptions
{
    public const string Section = "Hrc:Knowledge";

    /// <summary>The largest attachment accepted, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
