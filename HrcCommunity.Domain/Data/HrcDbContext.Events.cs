using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    public DbSet<CommunityEvent> CommunityEvents => Set<CommunityEvent>();
    public DbSet<EventInvitedCity> EventInvitedCities => Set<EventInvitedCity>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<EventTimeZonePreference> EventTimeZonePreferences => Set<EventTimeZonePreference>();
    public DbSet<SlotPoll> SlotPolls => Set<SlotPoll>();
    public DbSet<SlotPollSlot> SlotPollSlots => Set<SlotPollSlot>();
    public DbSet<SlotPollCity> SlotPollCities => Set<SlotPollCity>();
    public DbSet<SlotPollAnswer> SlotPollAnswers => Set<SlotPollAnswer>();

    partial void ConfigureEvents(ModelBuilder builder)
    {
        builder.Entity<CommunityEvent>(e =>
        {
            e.Property(x => x.Uid).HasMaxLength(80);
            e.Property(x => x.SeriesId).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(CommunityEvent.TitleMax);
            e.Property(x => x.Agenda).HasMaxLength(CommunityEvent.AgendaMax);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.MeetingLink).HasMaxLength(CommunityEvent.LinkMax);
            e.Property(x => x.OrganiserId).HasMaxLength(450);
            e.Property(x => x.OrganiserName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.ModeratorId).HasMaxLength(450);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ModeratorId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(x => x.RoomTopic);
            e.HasIndex(x => x.Uid).IsUnique();
            e.HasIndex(x => x.StartsAtUtc);
            e.HasIndex(x => x.SeriesId);
            e.HasOne<MemberCity>().WithMany().HasForeignKey(x => x.HostCityId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.InvitedCities).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EventInvitedCity>(e =>
        {
            e.HasKey(x => new { x.EventId, x.MemberCityId });
            e.HasOne<MemberCity>().WithMany().HasForeignKey(x => x.MemberCityId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EventRegistration>(e =>
        {
            e.Property(x => x.InterpretationLanguage).HasMaxLength(EventRegistration.LanguageMax);
            e.Property(x => x.AccessNote).HasMaxLength(EventRegistration.NoteMax);
            // One registration per person and event: registering twice is refused, not doubled.
            e.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
            // Seats are numbered 1..capacity; two people can never hold the same one.
            e.HasIndex(x => new { x.EventId, x.Seat }).IsUnique().HasFilter("\"Seat\" IS NOT NULL");
            e.HasIndex(x => new { x.EventId, x.Status, x.QueuedAt });
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CalendarFeedToken>(e =>
        {
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EventTimeZonePreference>(e =>
        {
            e.HasKey(x => x.UserId);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SlotPoll>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(SlotPoll.TitleMax);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.OrganiserId).HasMaxLength(450);
            e.HasMany(x => x.Slots).WithOne().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.InvitedCities).WithOne().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MemberCity>().WithMany().HasForeignKey(x => x.HostCityId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<SlotPollCity>(e =>
        {
            e.HasKey(x => new { x.PollId, x.MemberCityId });
            e.HasOne<MemberCity>().WithMany().HasForeignKey(x => x.MemberCityId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SlotPollAnswer>(e =>
        {
            e.Property(x => x.City).HasMaxLength(AppUser.CityMax);
            e.HasIndex(x => new { x.SlotId, x.UserId }).IsUnique();
            e.HasOne<SlotPollSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
