using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<EventReminderPlan> EventReminderPlans => Set<EventReminderPlan>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    private static void ConfigureInAppNotifications(ModelBuilder builder)
    {
        builder.Entity<Notification>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(Notification.TextMax);
            e.Property(x => x.Link).HasMaxLength(Notification.LinkMax);
            // The bell counts a person's unread ones and the inbox lists theirs newest first.
            e.HasIndex(x => new { x.UserId, x.ReadAt });
            e.HasIndex(x => new { x.UserId, x.Id });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NotificationPreference>(e =>
        {
            e.HasKey(x => new { x.UserId, x.Kind });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EventReminderPlan>(e =>
        {
            e.HasKey(x => x.EventId);
            e.Property(x => x.OffsetMinutes).HasMaxLength(60);
            e.Property(x => x.Message).HasMaxLength(EventReminderPlan.MessageMax);
            e.Ignore(x => x.Offsets);
            e.HasOne<CommunityEvent>().WithOne().HasForeignKey<EventReminderPlan>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReminderDelivery>(e =>
        {
            e.HasIndex(x => new { x.EventId, x.EventStartsAtUtc, x.OffsetMinutes, x.UserId }).IsUnique();
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DigestDelivery>(e =>
        {
            e.HasIndex(x => new { x.UserId, x.Kind, x.PeriodEnd }).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
