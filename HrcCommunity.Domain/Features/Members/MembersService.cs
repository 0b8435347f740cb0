using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Members;

public sealed record MemberCityCard(string Slug, string Name, string Country, int? DeclaredYear, string Summary);

public sealed record AssociateMemberCard(string Slug, string Name, string Kind, string Country, string Summary);

public sealed record MemberCityProfile(string Slug, string Name, string Country, int? DeclaredYear, string Summary,
    string ProfileHtml, string? Website, string? FocalContact);

public sealed record AssociateMemberProfile(string Slug, string Name, string Kind, string Country, string Summary,
    string ProfileHtml, string? Website);

public sealed class MembersService(IDbContextFactory<HrcDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<MemberCityCard> Cities, IReadOnlyList<AssociateMemberCard> Associates)> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cities = await db.MemberCities.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new MemberCityCard(c.Slug, c.Name, c.Country, c.DeclaredYear, c.Summary)).ToListAsync(ct);
        var associates = await db.AssociateMembers.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AssociateMemberCard(a.Slug, a.Name, a.Kind, a.Country, a.Summary)).ToListAsync(ct);
        return (cities, associates);
    }

    /// <summary>The focal contact is part of the practitioners' layer and is left out for everyone else.</summary>
    public async Task<MemberCityProfile?> GetCityAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = await db.MemberCities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        return city is null ? null
            : new MemberCityProfile(city.Slug, city.Name, city.Country, city.DeclaredYear, city.Summary,
                Markdown.ToHtml(city.Profile), city.Website, actor.CanSeePractitionerLayer ? city.FocalContact : null);
    }

    public async Task<AssociateMemberProfile?> GetAssociateAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.AssociateMembers.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        return member is null ? null
            : new AssociateMemberProfile(member.Slug, member.Name, member.Kind, member.Country, member.Summary,
                Markdown.ToHtml(member.Profile), member.Website);
    }
}
