using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>Fictional contact persons (example.org addresses) so the practitioners' layer can be tried out.</summary>
public sealed class NetworkDemoContactsSeed : ISeed
{
    public int Order => 31;

    public bool IsDemoContent => true;

    private static readonly Dictionary<string, string> Contacts = new()
    {
        ["human-rights-cities-network"] = "Demo Person Alma Example, secretariat coordinator, alma.example@example.org",
        ["eurocities"] = "Demo Person Bruno Sample, policy officer for social affairs, bruno.sample@example.org",
        ["icorn"] = "Demo Person Cleo Placeholder, network adviser, cleo.placeholder@example.org",
        ["rainbow-cities-network"] = "Demo Person Dana Fictive, network contact, dana.fictive@example.org",
        ["mayors-migration-council"] = "Demo Person Emil Invented, city partnerships, emil.invented@example.org",
    };

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        var networks = await db.Networks.Where(n => Contacts.Keys.Contains(n.Slug) && n.Contacts == "").ToListAsync(ct);
        foreach (var network in networks) network.Contacts = Contacts[network.Slug];
        await db.SaveChangesAsync(ct);
    }
}
