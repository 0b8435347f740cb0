using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<BoardColumn> BoardColumns => Set<BoardColumn>();
    public DbSet<BoardNote> BoardNotes => Set<BoardNote>();
    public DbSet<BoardCluster> BoardClusters => Set<BoardCluster>();
    public DbSet<BoardVote> BoardVotes => Set<BoardVote>();
    public DbSet<BoardTemplate> BoardTemplates => Set<BoardTemplate>();

    partial void ConfigureBoards(ModelBuilder builder)
    {
        builder.Entity<Board>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(Board.TitleMax);
            e.Property(x => x.FacilitatorId).HasMaxLength(450);
            e.ToTable(t => t.HasCheckConstraint("CK_Boards_DotBudget", $"\"DotBudget\" BETWEEN 1 AND {Board.MaxDotBudget}"));
            e.HasIndex(x => x.EventId);
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Columns).WithOne().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BoardColumn>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(BoardColumn.TitleMax);
            e.Property(x => x.Prompt).HasMaxLength(BoardColumn.PromptMax);
        });
        builder.Entity<BoardNote>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(BoardNote.TextMax);
            e.Property(x => x.AuthorId).HasMaxLength(450);
            e.Property(x => x.AuthorName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.BoardId, x.ColumnId, x.Position });
            e.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BoardColumn>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BoardCluster>().WithMany().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<BoardCluster>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(BoardCluster.NameMax);
            e.Property(x => x.PracticeSlug).HasMaxLength(80);
            e.Property(x => x.KnowledgeSlug).HasMaxLength(80);
            e.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BoardVote>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            // Counting a person's dots on a board is the budget check every vote runs.
            e.HasIndex(x => new { x.BoardId, x.UserId });
            e.HasIndex(x => new { x.NoteId, x.UserId });
            e.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BoardNote>().WithMany().HasForeignKey(x => x.NoteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BoardTemplate>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(BoardTemplate.NameMax);
            e.Property(x => x.OwnerId).HasMaxLength(450);
            e.Property(x => x.ColumnsJson).HasMaxLength(10_000);
            e.HasIndex(x => x.OwnerId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
