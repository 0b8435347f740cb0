using HrcCommunity.Domain.Features.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<KnowledgeItem> KnowledgeItems => Set<KnowledgeItem>();
    public DbSet<KnowledgeRevision> KnowledgeRevisions => Set<KnowledgeRevision>();
    public DbSet<KnowledgeAttachment> KnowledgeAttachments => Set<KnowledgeAttachment>();
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<PracticeComment> PracticeComments => Set<PracticeComment>();
    public DbSet<PracticeUsefulMark> PracticeUsefulMarks => Set<PracticeUsefulMark>();

    partial void ConfigureKnowledge(ModelBuilder builder)
    {
        builder.Entity<KnowledgeItem>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(KnowledgeItem.TitleMax);
            e.Property(x => x.Summary).HasMaxLength(KnowledgeItem.SummaryMax);
            e.Property(x => x.AuthorName).HasMaxLength(100);
            e.Property(x => x.SourceKind).HasMaxLength(20);
            e.Property(x => x.SourceKey).HasMaxLength(100);
            e.Property(x => x.SourceUrl).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => new { x.Status, x.Section });
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.KnowledgeItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.KnowledgeItemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<KnowledgeRevision>(e =>
        {
            e.Property(x => x.Change).HasMaxLength(300);
            e.Property(x => x.ChangedByName).HasMaxLength(100);
        });
        builder.Entity<KnowledgeAttachment>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(KnowledgeAttachment.FileNameMax);
            e.Property(x => x.StoredName).HasMaxLength(80);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.UploadedByName).HasMaxLength(100);
        });
        builder.Entity<Practice>(e =>
        {
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Title).HasMaxLength(Practice.TitleMax);
            e.Property(x => x.City).HasMaxLength(Practice.ShortMax);
            e.Property(x => x.Period).HasMaxLength(Practice.ShortMax);
            e.Property(x => x.Contact).HasMaxLength(Practice.ContactMax);
            e.Property(x => x.ReviewNote).HasMaxLength(Practice.NoteMax);
            e.Property(x => x.SubmitterName).HasMaxLength(100);
            e.Property(x => x.PromotedToSlug).HasMaxLength(80);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.SubmitterId);
            e.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PracticeComment>(e =>
        {
            e.Property(x => x.AuthorName).HasMaxLength(100);
            e.Property(x => x.Body).HasMaxLength(Practice.CommentMax);
        });
        builder.Entity<PracticeUsefulMark>(e =>
        {
            e.HasIndex(x => new { x.PracticeId, x.UserId }).IsUnique();
            e.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
