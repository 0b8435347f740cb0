using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Members;

/// <summary>The members named in the network's own documents, described in our own words.</summary>
public sealed class MembersSeed(TimeProvider clock) : ISeed
{
    public int Order => 20;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (!await db.MemberCities.AnyAsync(ct))
        {
            db.MemberCities.AddRange(
                City("Lund", "Sweden", null,
                    "The first Swedish city to call itself a human rights city, working with researchers on a systematic approach.",
                    "Lund was the first municipality in Sweden to take on the human rights city commitment. It receives direct support from the Raoul Wallenberg Institute on organising the work systematically across its departments, which makes it a reference for Swedish cities following the national criteria for human rights cities and regions.",
                    "Human rights coordinator, City of Lund (contact through the network secretariat)"),
                City("Utrecht", "Netherlands", null,
                    "A Dutch human rights city with strong ties to university research and a national human rights institute on its doorstep.",
                    "Utrecht treats human rights as a frame for local policy and works closely with Utrecht University, whose Netherlands Institute of Human Rights (SIM) is a centre of research and teaching. The Netherlands Human Rights Institute, also based in the city, has developed policies aimed at municipalities. Together with University College Roosevelt the university runs a summer school on human rights at the local level.",
                    "Policy adviser for human rights, Municipality of Utrecht (contact through the network secretariat)"),
                City("Middelburg", "Netherlands", null,
                    "A small Zeeland city that shows the human rights city idea works at every scale.",
                    "Middelburg is home to University College Roosevelt, where a pioneering research programme on human rights cities in the Netherlands began. The city and the college work together on what rights mean \"in small places, close to home\", with current research on how European cities welcome and include refugees.",
                    "City office for inclusion, Middelburg (contact through the network secretariat)"),
                City("Graz", "Austria", 2001,
                    "The first city in Europe to declare itself a human rights city, with an independent advisory council.",
                    "Graz made its declaration in 2001 and has since built up permanent structures: a human rights advisory council that reviews municipal policy and an annual human rights report. Its long track record makes it a frequent partner in inter-city dialogue.",
                    "Office of the Human Rights Council, City of Graz (contact through the network secretariat)"),
                City("Vienna", "Austria", 2014,
                    "A capital city that set up a human rights office to anchor rights across its administration.",
                    "Vienna declared itself a human rights city in 2014 and created a dedicated office to coordinate the commitment across departments, train staff and involve civil society.",
                    "Human rights office, City of Vienna (contact through the network secretariat)"),
                City("York", "United Kingdom", 2017,
                    "A city-wide partnership that publishes indicator reports on the rights residents enjoy.",
                    "York became a human rights city in 2017 through a partnership of the council, civil society and universities. It tracks a set of priority rights with yearly indicator reports and invites residents to hold the city to them.",
                    "York Human Rights City Network steering group (contact through the network secretariat)"));
        }
        if (!await db.AssociateMembers.AnyAsync(ct))
        {
            db.AssociateMembers.AddRange(
                Associate("Raoul Wallenberg Institute", "rwi", "Research institute", "Sweden",
                    "Brings academic research and practice together to advance human rights cities in Sweden and worldwide.",
                    "The Raoul Wallenberg Institute (RWI) links research with the needs of practitioners and feeds lessons from practice back into research. With the Swedish Association of Local Authorities and Regions it developed criteria for becoming and working as a human rights city in Sweden, and it has published Swedish and international perspectives on human rights cities and regions.\n\nCurrent work includes research on seven Swedish cities, cooperation with seven cities in Turkey that focus on the rights of specific groups, a new line of research in Asia, support for a study by the Indonesian NGO Infid on 100 Indonesian cities, and direct support to Lund. RWI also contributes to policy development on human rights cities in Asia, Europe and at the global level.",
                    "https://rwi.lu.se"),
                Associate("Global CAD – Centre of Partnerships for Development", "global-cad", "Development consultancy", "Spain",
                    "A global network of experts in human and sustainable development that works through partnerships.",
                    "Global CAD (Centro de Alianzas para el Desarrollo) has built a worldwide network of specialists in human and sustainable development. Convinced that partnerships unlock solutions, it works with multilateral organisations, companies and NGOs on every continent through partnership building, applied research, capacity building and strategic advice, aiming at societies that are more sustainable and more inclusive.",
                    "https://www.globalcad.org"),
                Associate("University College Roosevelt and Utrecht University", "ucr-utrecht-university", "University", "Netherlands",
                    "Academic partners to Middelburg and Utrecht with a long record of research on human rights cities.",
                    "University College Roosevelt, Utrecht University's honours college in Middelburg, hosted a pioneering research programme on human rights cities in the Netherlands. Teaching there led to a publication on European human rights cities, and a first meeting of scholars and practitioners produced the edited volume *Global Urban Justice: the rise of Human Rights Cities*. Current research looks at refugees and the role of human rights in how European cities receive and include them.\n\nUtrecht University brings a long tradition of human rights research through its Netherlands Institute of Human Rights (SIM), and organises a summer school on human rights at the local level together with the college.",
                    "https://www.ucr.nl"),
                Associate("US National Human Rights Cities Alliance", "us-human-rights-cities-alliance", "Practitioners' alliance", "United States",
                    "A member-led alliance that links human rights city organisers across the United States.",
                    "The alliance is an initiative of the US Human Rights Network. It strengthens relationships among grassroots organisers, national and international advocates and scholar-practitioners, and gathers knowledge on effective models for local implementation and reporting. Organisers met nationally in Pittsburgh in 2015 and Washington, DC in 2016, after which a steering committee was formed to build a coordinating structure; further meetings followed in 2018 in Washington, DC and Greenville, South Carolina.",
                    null));
        }
        await db.SaveChangesAsync(ct);
        foreach (var city in await db.MemberCities.ToListAsync(ct))
            await db.IndexAsync(new SearchDocument("member", city.Slug, $"/members/cities/{city.Slug}", city.Name, city.Summary, city.Profile, []), clock, ct);
        foreach (var member in await db.AssociateMembers.ToListAsync(ct))
            await db.IndexAsync(new SearchDocument("member", member.Slug, $"/members/associates/{member.Slug}", member.Name, member.Summary, member.Profile, []), clock, ct);
        await db.SaveChangesAsync(ct);
    }

    private static MemberCity City(string name, string country, int? year, string summary, string profile, string contact) => new()
    {
        Slug = Common.Slug.From(name), Name = name, Country = country, DeclaredYear = year,
        Summary = summary, Profile = profile, FocalContact = contact,
    };

    private static AssociateMember Associate(string name, string slug, string kind, string country, string summary, string profile, string? website) => new()
    {
        Slug = slug, Name = name, Kind = kind, Country = country, Summary = summary, Profile = profile, Website = website,
    };
}
