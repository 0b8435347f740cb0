using HrcCommunity.Domain.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionNote> QuestionNotes => Set<QuestionNote>();
    public DbSet<QuestionLogEntry> QuestionLog => Set<QuestionLogEntry>();
    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    partial void ConfigureQuestions(ModelBuilder builder)
    {
        builder.Entity<Question>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(Question.TitleMax);
            e.Property(x => x.Topic).HasMaxLength(40);
            e.Property(x => x.Themes).HasMaxLength(1000);
            e.Property(x => x.AskerName).HasMaxLength(Question.NameMax);
            e.Property(x => x.AskerEmail).HasMaxLength(254);
            e.Property(x => x.AskerPlace).HasMaxLength(Question.PlaceMax);
            e.Property(x => x.StatusSalt).HasMaxLength(64);
            e.Property(x => x.StatusTokenHash).HasMaxLength(64);
            e.Property(x => x.EmailHash).HasMaxLength(64);
            e.Property(x => x.IpHash).HasMaxLength(64);
            e.Property(x => x.HolderName).HasMaxLength(100);
            e.Property(x => x.AnsweredByName).HasMaxLength(100);
            e.Property(x => x.AnswerSummary).HasMaxLength(Question.SummaryMax);
            e.Property(x => x.Slug).HasMaxLength(80);
            e.Property(x => x.Networks).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.StatusTokenHash).IsUnique();
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => new { x.State, x.AskedAt });
            e.HasIndex(x => new { x.EmailHash, x.AskedAt });
            e.HasIndex(x => new { x.IpHash, x.AskedAt });
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Log).WithOne().HasForeignKey(l => l.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<QuestionNote>(e => e.Property(x => x.AuthorName).HasMaxLength(100));
        builder.Entity<QuestionLogEntry>(e =>
        {
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(300);
            e.HasIndex(x => x.At);
        });
        builder.Entity<CannedReply>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(CannedReply.TitleMax);
            e.HasIndex(x => x.Title).IsUnique();
        });
    }
}
