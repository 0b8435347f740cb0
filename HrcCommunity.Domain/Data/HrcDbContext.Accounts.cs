using HrcCommunity.Domain.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Data;

public sealed partial class HrcDbContext
{
    partial void ConfigureAccounts(ModelBuilder builder)
    {
        builder.Entity<AppUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(AppUser.NameMax);
            e.Property(x => x.City).HasMaxLength(AppUser.CityMax);
            e.Property(x => x.Organisation).HasMaxLength(AppUser.OrganisationMax);
            e.Property(x => x.ReviewNote).HasMaxLength(500);
            e.HasIndex(x => new { x.ApprovalStatus, x.RegisteredAt });
        });
    }
}
