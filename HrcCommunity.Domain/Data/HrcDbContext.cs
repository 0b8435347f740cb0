using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// One context for the whole platform. Each feature adds its sets and configuration in its own
/// partial file (<c>HrcDbContext.Feature.cs</c>) so features never edit each other's lines.
/// </summary>
public sealed partial class HrcDbContext(DbContextOptions<HrcDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureAccounts(builder);
        ConfigureNotifications(builder);
        ConfigureInAppNotifications(builder);
        ConfigureSearch(builder);
        ConfigureNetworkTags(builder);
        ConfigureContent(builder);
        ConfigureMembers(builder);
        ConfigureNetworks(builder);
        ConfigureKnowledge(builder);
        ConfigureQuestions(builder);
        ConfigureDrafts(builder);
        ConfigureLinksNews(builder);
        ConfigureTokens(builder);
        ConfigurePrivacy(builder);
        ConfigureEvents(builder);
        ConfigureDialogues(builder);
        ConfigureBoards(builder);
    }

    partial void ConfigureAccounts(ModelBuilder builder);
    partial void ConfigureSearch(ModelBuilder builder);
    partial void ConfigureContent(ModelBuilder builder);
    partial void ConfigureMembers(ModelBuilder builder);
    partial void ConfigureNetworks(ModelBuilder builder);
    partial void ConfigureKnowledge(ModelBuilder builder);
    partial void ConfigureQuestions(ModelBuilder builder);
    partial void ConfigureLinksNews(ModelBuilder builder);
    partial void ConfigureTokens(ModelBuilder builder);
    partial void ConfigureEvents(ModelBuilder builder);
    partial void ConfigureDialogues(ModelBuilder builder);
    partial void ConfigureBoards(ModelBuilder builder);

    private static void ConfigureNotifications(ModelBuilder builder)
    {
        builder.Entity<OutboxEmail>(e =>
        {
            e.Property(x => x.To).HasMaxLength(254);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Category).HasMaxLength(80);
            e.Property(x => x.UnsubscribeUrl).HasMaxLength(500);
            e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        });
    }
}
