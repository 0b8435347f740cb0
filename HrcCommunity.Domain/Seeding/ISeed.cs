using HrcCommunity.Domain.Data;

namespace HrcCommunity.Domain.Seeding;

/// <summary>
/// Content that a fresh database starts with. Network content runs in every environment and only
/// fills what is empty; demo content (users, sample questions) runs only where demo seeding is on.
/// </summary>
public interface ISeed
{
    /// <summary>Lower runs first: later seeds may refer to what earlier ones wrote.</summary>
    int Order { get; }

    bool IsDemoContent { get; }

    Task SeedAsync(HrcDbContext db, CancellationToken ct);
}
