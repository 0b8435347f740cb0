using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// Events and time polls a deleted person organised belong to the people registered or answering: they stay, organised
/// by "a former member", and from then on only Coordinators manage them.
/// </summary>
internal static class EventScrubber
{
    public static async Task ScrubAsync(HrcDbContext db, DeletedPerson person, CancellationToken ct)
    {
        await db.CommunityEvents.Where(e => e.OrganiserId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrganiserId, "").SetProperty(e => e.OrganiserName, FormerMember.Name), ct);
        await db.SlotPolls.Where(p => p.OrganiserId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OrganiserId, ""), ct);
    }
}
