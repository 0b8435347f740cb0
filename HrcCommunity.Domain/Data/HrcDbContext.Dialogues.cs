using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<DialogueMessage> DialogueMessages => Set<DialogueMessage>();
    public DbSet<DialogueReaction> DialogueReactions => Set<DialogueReaction>();
    public DbSet<DialogueQuestion> DialogueQuestions => Set<DialogueQuestion>();
    public DbSet<DialogueQuestionVote> DialogueQuestionVotes => Set<DialogueQuestionVote>();
    public DbSet<DialogueHand> DialogueHands => Set<DialogueHand>();
    public DbSet<DialogueRoom> DialogueRooms => Set<DialogueRoom>();
    public DbSet<DialogueMute> DialogueMutes => Set<DialogueMute>();
    public DbSet<DialogueReadMark> DialogueReadMarks => Set<DialogueReadMark>();

    partial void ConfigureDialogues(ModelBuilder builder)
    {
        builder.Entity<DialogueMessage>(e =>
        {
            e.Property(x => x.AuthorId).HasMaxLength(450);
            e.Property(x => x.AuthorName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.AuthorCity).HasMaxLength(AppUser.CityMax);
            e.Property(x => x.Text).HasMaxLength(DialogueMessage.TextMax);
            e.Property(x => x.ClientMessageId).HasMaxLength(DialogueMessage.ClientIdMax);
            e.HasIndex(x => new { x.EventId, x.Id });
            // The flood check counts a person's recent messages; a retry finds its message by the client's id.
            e.HasIndex(x => new { x.EventId, x.AuthorId, x.SentAt });
            e.HasIndex(x => new { x.EventId, x.AuthorId, x.ClientMessageId }).IsUnique().HasFilter("\"ClientMessageId\" IS NOT NULL");
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DialogueMessage>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueReaction>(e =>
        {
            e.Property(x => x.Reaction).HasMaxLength(20);
            // One per person, emoji and message: two tabs or a double click cannot count twice.
            e.HasIndex(x => new { x.MessageId, x.UserId, x.Reaction }).IsUnique();
            e.HasOne<DialogueMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueQuestion>(e =>
        {
            e.Property(x => x.AuthorId).HasMaxLength(450);
            e.Property(x => x.AuthorName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.AuthorCity).HasMaxLength(AppUser.CityMax);
            e.Property(x => x.Text).HasMaxLength(DialogueQuestion.TextMax);
            e.HasIndex(x => x.EventId);
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueQuestionVote>(e =>
        {
            // One vote per person and question: the key itself refuses a second.
            e.HasKey(x => new { x.QuestionId, x.UserId });
            e.HasOne<DialogueQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueHand>(e =>
        {
            e.HasKey(x => new { x.EventId, x.UserId });
            e.Property(x => x.Name).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.City).HasMaxLength(AppUser.CityMax);
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueRoom>(e =>
        {
            e.HasKey(x => x.EventId);
            e.Property(x => x.FloorUserId).HasMaxLength(450);
            e.Property(x => x.FloorName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.FloorCity).HasMaxLength(AppUser.CityMax);
            e.Property(x => x.Minutes).HasMaxLength(DialogueRoom.MinutesMax);
            e.HasOne<CommunityEvent>().WithOne().HasForeignKey<DialogueRoom>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueMute>(e =>
        {
            e.HasKey(x => new { x.EventId, x.UserId });
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DialogueReadMark>(e =>
        {
            e.HasKey(x => new { x.EventId, x.UserId });
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
