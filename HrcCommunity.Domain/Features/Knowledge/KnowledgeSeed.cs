using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>
/// The Knowledge Centre's first items, one or more per section, from the facts in the network's own
/// documents and written in our own words. Network content: seeded everywhere, only into an empty table.
/// </summary>
public sealed class KnowledgeSeed(TimeProvider clock) : ISeed
{
    public int Order => 40;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.KnowledgeItems.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var items = new[]
        {
            Item("five-dimensions-of-the-work-method", "Five dimensions of the work method", KnowledgeSection.HumanRightsFramework,
                "How the network organises its work: connecting people, trading experience, studying practice, following trends and spreading what is learnt.",
                """
                The network's way of working rests on five strands that reinforce each other:

                1. **Networking** – bringing city practitioners together with national, European and international institutions.
                2. **Exchanging** – city actors tell each other about the strategies and practices that turn rights into something every resident can rely on.
                3. **Analysing** – good practices are studied to sharpen methods, models and tools, so that the people doing the work can respect, protect, promote and fulfil rights.
                4. **Monitoring** – keeping track of new developments and trends in the field of human rights cities.
                5. **Disseminating** – sharing expertise and information, above all through this Excellence Knowledge Centre.
                """,
                """
                ### Using the five strands in your own city

                When you plan a year of human rights work, map each activity to one of the strands. Cities in the network found that
                "monitoring" is the one most often forgotten: agree early who follows new developments and reports them back, and
                bring your analysis of a local practice to an inter-city dialogue before publishing it here.
                """,
                ["right-participation", "sdg-16", "sdg-11"]),
            Item("the-excellence-knowledge-centre", "What the Excellence Knowledge Centre offers", KnowledgeSection.OtherIssues,
                "A two-layer resource on implementing human rights cities: general information for everyone and detailed material for practitioners.",
                """
                The Knowledge Centre exists to make the work of human rights cities more professional. Everything here comes in two layers:
                general information that anyone can read, and detailed material reserved for approved human rights city practitioners.

                Its services range from networking to guidance:

                - sharing information and experience, including good practices;
                - an ongoing dialogue between cities;
                - putting people with specific expertise in touch with each other;
                - concepts, methods, models and tools;
                - guidance on developing a human rights city.

                Guest member cities serve as reference points for bringing human rights into urban policy, and members take part in
                brainstorming workshops, exchanges on specific questions and inter-city dialogue.
                """,
                "", ["right-participation", "sdg-17"]),
            Item("experts-facility", "The Experts' facility", KnowledgeSection.OtherIssues,
                "Anyone can put a question about human rights cities to the network's experts; useful answers are published with a summary and links.",
                """
                The Experts' facility connects the website with the network's members. Any visitor can send a question about human rights
                cities. Where an answer is of wider use, it is published on the site together with a short summary and links to further
                reading, adding tailored expertise to the Knowledge Centre's core resources.

                [Ask the experts](/questions/ask) · [Published answers](/answers)
                """,
                "", ["sdg-16", "right-access-to-justice"]),
            Item("fundamental-rights-agency", "EU Agency for Fundamental Rights (FRA)", KnowledgeSection.InstitutionsAndResources,
                "The European Union's centre of expertise on fundamental rights, whose research and guidance on rights at local level is a reference for European cities.",
                """
                The EU Agency for Fundamental Rights advises EU institutions and member states on fundamental rights, based on
                research and data collected across the Union. For cities it is a source of comparative evidence and of practical
                guidance on making rights part of local and regional government.
                """,
                "", ["sdg-16", "right-non-discrimination"], [new("EU Agency for Fundamental Rights", "https://fra.europa.eu")]),
            Item("uclg-united-cities-and-local-governments", "UCLG – United Cities and Local Governments", KnowledgeSection.InstitutionsAndResources,
                "The world organisation of local and regional governments, with a committee dedicated to human rights in the city.",
                """
                United Cities and Local Governments represents local and regional governments worldwide. Its committee on social
                inclusion, participatory democracy and human rights promotes the right to the city and supports cities that commit
                to human rights; its Asia-Pacific section works on localising the Sustainable Development Goals.
                """,
                "", ["right-right-to-the-city", "sdg-11", "city-right-to-the-city"], [new("UCLG", "https://www.uclg.org")]),
            Item("raoul-wallenberg-institute", "Raoul Wallenberg Institute (associate member)", KnowledgeSection.InstitutionsAndResources,
                "A research institute linking academic work with the needs of human rights cities in Sweden, Turkey, Indonesia and the wider world.",
                """
                The Raoul Wallenberg Institute (RWI) is an associate member of the network. It combines research with practice: its
                findings answer practitioners' questions, and practice in turn shapes its research agenda.

                With the Swedish Association of Local Authorities and Regions it drew up criteria for becoming and working as a human
                rights city in Sweden. It studies seven Swedish cities, works with seven Turkish cities focused on specific groups,
                supports an Indonesian study of 100 cities led by the NGO Infid, and helps Lund organise its work systematically.
                """,
                """
                ### Working with RWI

                RWI welcomes requests from member cities that want to set up a systematic approach like Lund's. Prepare a short note on
                your city's current commitments and the departments involved; the network secretariat forwards it to RWI's human rights
                cities team and arranges a first call.
                """,
                ["sdg-16", "sdg-17", "right-participation"], [new("Raoul Wallenberg Institute", "https://rwi.lu.se")]),
            Item("global-cad", "Global CAD – Centre of Partnerships for Development (associate member)", KnowledgeSection.InstitutionsAndResources,
                "An associate member that builds partnerships for human and sustainable development through research, training and advice.",
                """
                Global CAD is an associate member of the network with a worldwide pool of experts in human and sustainable development.
                It works with multilateral organisations, companies and NGOs, on the conviction that partnerships are what make solutions
                possible, and offers partnership building, applied research, capacity building and strategic advice.
                """,
                "", ["sdg-17", "sdg-10"], [new("Global CAD", "https://www.globalcad.org")]),
            Item("global-urban-justice", "Global Urban Justice: the rise of human rights cities", KnowledgeSection.PublicationsAndResources,
                "An edited volume that grew out of the first meeting of scholars and practitioners of human rights cities, hosted from Middelburg.",
                """
                Research at University College Roosevelt in Middelburg produced a pioneering programme on human rights cities in the
                Netherlands, a publication on European human rights cities, and — after a first meeting of scholars and practitioners —
                the edited volume *Global Urban Justice: the rise of Human Rights Cities*. It remains a standard introduction to how
                cities came to adopt the language of human rights.
                """,
                "", ["right-right-to-the-city", "sdg-11"]),
            Item("swedish-criteria-for-human-rights-cities", "Criteria for human rights cities and regions in Sweden", KnowledgeSection.PublicationsAndResources,
                "A platform of criteria, developed by RWI with Sweden's association of local and regional authorities, for how to become and work as a human rights city.",
                """
                The criteria describe what a Swedish municipality or region commits to when it calls itself a human rights city or region,
                and how it can organise the work across its administration. They accompany a publication on Swedish and international
                perspectives on human rights cities and regions.
                """,
                """
                ### Notes from Lund

                Lund used the criteria as a checklist when it reviewed its own work: each department named a contact person, and the
                city's yearly plan now lists which criterion each activity serves. Ask the network secretariat for the contact in Lund.
                """,
                ["sdg-16", "right-participation", "city-accountable"]),
            Item("refugees-and-human-rights-cities", "Welcoming refugees: the role of human rights in European cities", KnowledgeSection.ThematicIssues,
                "Current research from Middelburg on how human rights shape the way European cities receive and include refugees.",
                """
                University College Roosevelt's current research looks at refugees and asks what part human rights play in how cities across
                Europe welcome and include them. It follows Eleanor Roosevelt's idea that rights matter first "in small places, close to home".
                """,
                "", ["right-migrants-and-refugees", "city-migration", "sdg-10"]),
            Item("inter-city-dialogue-guide", "Running an inter-city dialogue", KnowledgeSection.ThematicIssues,
                "A practitioners' guide to preparing and hosting an exchange between human rights cities.",
                "",
                """
                ### Before the dialogue

                - Agree on one concrete question (for example: how do we involve residents in our yearly rights report?).
                - Each city prepares a one-page description of what it does, what worked and what did not.

                ### During the dialogue

                - Keep presentations short and leave most of the time for questions between practitioners.
                - Name one person to write down lessons and follow-up promises.

                ### Afterwards

                - Share the notes with participants within a week, and propose a practice for the Knowledge Centre when something worked well.
                """,
                ["right-participation", "sdg-17"], practitionersOnly: true),
        };
        foreach (var item in items)
        {
            item.CreatedAt = item.UpdatedAt = now;
            item.PublishedAt = now;
            db.KnowledgeItems.Add(item);
            await KnowledgeService.PublishToIndexesAsync(db, item, clock, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static KnowledgeItem Item(string slug, string title, KnowledgeSection section, string summary, string body, string practitionerBody,
        List<string> themes, KnowledgeLinkInput[]? links = null, bool practitionersOnly = false) => new()
    {
        Slug = slug, Title = title, Section = section, Summary = summary, Body = body, PractitionerBody = practitionerBody,
        PractitionersOnly = practitionersOnly, Themes = themes, LinksJson = KnowledgeFields.ToJson(links ?? []),
        Status = KnowledgeStatus.Published, AuthorName = "Network secretariat", Version = 1,
    };
}
