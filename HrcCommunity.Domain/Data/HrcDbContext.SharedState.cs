using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// What several app instances must share when they run on PostgreSQL: the data-protection keys behind cookies and
/// antiforgery tokens, and the server's own secret keys (<see cref="ServerKeys"/>). On SQLite both stay files in the
/// data folder and these tables remain empty.
/// </summary>
public sealed partial class HrcDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Npgsql maps DateTime to timestamptz and refuses a DateTime whose Kind is not Utc. The platform keeps every
        // time in UTC but reads and builds many as Unspecified (as SQLite returns them): they are marked UTC on the
        // way in and out, so the same code runs on both providers.
        if (!Database.IsNpgsql()) return;
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
