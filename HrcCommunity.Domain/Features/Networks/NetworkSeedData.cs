namespace HrcCommunity.Domain.Features.Networks;

/// <summary>The directory's networks as facts plus descriptions written for this site.</summary>
internal static class NetworkSeedData
{
    public static IEnumerable<Network> All()
    {
        yield return N("c40-cities", "C40 Cities", "C40",
            "Close to a hundred large cities whose mayors act together on the climate crisis.",
            mission: "Mayors of member cities follow a science-based, cooperative path towards holding global heating to 1.5°C while making their communities healthier, fairer and more resilient.",
            members: 100, kinds: "cities (nearly 100)", founded: 2005, hq: "London", regions: "global", themes: "sdg-13 city-climate right-environment-and-climate-justice sdg-11",
            website: "https://www.c40.org");
        yield return N("cities-alliance", "Cities Alliance", "",
            "A worldwide partnership that tackles urban poverty and argues for the part cities play in development.",
            mandate: "Its work is financed through a fund with several donors; the United Nations Office for Project Services (UNOPS) hosts the fund and acts as its trustee.",
            kinds: "partners", founded: 1999, hq: "Brussels", regions: "global", themes: "sdg-1 sdg-11 sdg-17 city-inclusive",
            website: "https://www.citiesalliance.org");
        yield return N("cities-coalition-for-digital-rights", "Cities Coalition for Digital Rights", "CC4DR",
            "City governments from around the world that joined forces to protect people's rights online and in digital services.",
            model: "commitment", modelNote: "A city joins after making a clear political commitment to digital rights and showing that it is turning that commitment into policies and projects.",
            kinds: "city governments", founded: 2018, regions: "global", themes: "right-digital-rights city-digital sdg-16",
            website: "https://citiescoalitionfordigitalrights.net");
        yield return N("climate-alliance", "Climate Alliance", "",
            "Europe's largest city network devoted to thorough and fair climate action.",
            mandate: "The association backs its members through a European secretariat and six national coordination offices.",
            members: 1909, kinds: "municipalities and other members", countries: 27, founded: 1990, hq: "Frankfurt am Main", regions: "europe",
            themes: "sdg-13 city-climate right-environment-and-climate-justice", website: "https://www.climatealliance.org");
        yield return N("covenant-of-mayors-europe", "Covenant of Mayors for Climate and Energy – Europe", "CoM",
            "A European Commission-funded initiative, part of the largest worldwide movement of local governments acting on climate and energy.",
            mission: "More than 10,000 European cities and towns have signed up to secure a better future for the people who live in them.",
            members: 10000, kinds: "cities and towns", founded: 2008, regions: "europe", themes: "sdg-7 sdg-13 city-climate city-carbon-free",
            website: "https://eu-mayors.ec.europa.eu");
        yield return N("energy-cities", "Energy Cities", "",
            "A European association through which local governments shape the energy transition.",
            mandate: "According to its own description, it links 145 of Europe's largest cities and more than 45 partner cities in 39 countries, together governing around 130 million people.",
            members: 145, kinds: "cities, plus more than 45 partner cities", countries: 39, founded: 1990, regions: "europe", themes: "sdg-7 sdg-13 city-carbon-free",
            website: "https://energy-cities.eu");
        yield return N("eurocities", "Eurocities", "",
            "The political platform of Europe's major cities, speaking for them towards the European institutions.",
            mandate: "It brings together the local governments of more than 200 major cities in 38 countries, home to about 130 million people.",
            members: 200, kinds: "major cities", countries: 38, founded: 1986, hq: "Brussels", regions: "europe", themes: "sdg-11 sdg-10 city-inclusive right-participation",
            website: "https://eurocities.eu");
        yield return N("who-global-city-network", "WHO Global City Network", "GCN",
            "A WHO network that helps countries prepare for national health emergencies such as COVID-19.",
            mandate: "It belongs to WHO's Global Strategic Preparedness Network and is run by the Multisectoral Engagement for IHR and Health Security unit within WHO's emergency preparedness work. Through the Strategic Partnership Portal, set up in 2015, member States, donors and partners exchange information on investments in health security.",
            kinds: "cities", regions: "global", themes: "sdg-3 right-health city-healthy city-resilient");
        yield return N("global-fund-for-cities-development", "Global Fund for Cities' Development", "FMDV",
            "A multi-stakeholder network that helps cities and regions finance their development.",
            mandate: "Since it was set up it has worked with more than 1,500 cities and regions in about a hundred countries, some five hundred companies and investors, and sixty subnational development banks.",
            members: 1500, kinds: "cities and regions", countries: 100, regions: "global", themes: "sdg-11 sdg-17",
            website: "https://www.fmdv.net");
        yield return N("global-parliament-of-mayors", "Global Parliament of Mayors", "GPM",
            "Mayors who want cities and their networks to sit as equal partners in global governance.",
            mission: "A world where mayors, their cities and their networks help build inclusive and sustainable global governance on an equal footing.",
            kinds: "mayors", founded: 2016, regions: "global", themes: "sdg-16 sdg-17 right-participation",
            website: "https://globalparliamentofmayors.org");
        yield return N("human-rights-cities-network", "Human Rights Cities Network", "HRCN",
            "A not-for-profit association of European cities that respect, protect and promote a culture of human rights.",
            model: "commitment", modelNote: "European cities committed to a culture of human rights are invited to join as guest members.",
            kinds: "cities (guest members) and associate members", regions: "europe",
            themes: "right-non-discrimination right-participation sdg-10 sdg-16");
        yield return N("iclei", "ICLEI – Local Governments for Sustainability", "ICLEI",
            "A worldwide network of local and regional governments working for sustainable development.",
            mandate: "Founded in 1990 as the International Council for Local Environmental Initiatives. Its European members, from small towns to national associations of local governments, are at the centre of the organisation in Europe.",
            members: 1750, kinds: "local and regional governments", founded: 1990, hq: "Bonn", regions: "global",
            themes: "sdg-11 sdg-13 city-sustainable city-resilient", website: "https://iclei.org");
        yield return N("aimf", "International Association of Francophone Mayors", "AIMF",
            "A meeting place of exchange and solidarity for mayors of French-speaking cities.",
            mandate: "Set up in 1979 as an association under France's 1901 law, it has changed with the leadership and work of local authorities and with solidarity between cities.",
            members: 305, kinds: "cities and associations of local authorities", countries: 54, founded: 1979, hq: "Paris",
            regions: "africa europe americas asia-pacific middle-east", themes: "sdg-16 sdg-17", website: "https://www.aimf.asso.fr");
        yield return N("icorn", "International Cities of Refuge Network", "ICORN",
            "Cities that offer shelter to writers and artists at risk, so they can keep working in safety.",
            mandate: "An independent international membership organisation. Most member cities are in Scandinavia, Poland, Germany, the Netherlands, France and the United States.",
            members: 84, kinds: "cities", founded: 2006, hq: "Stavanger", regions: "europe americas",
            themes: "right-freedom-of-expression city-shelter right-migrants-and-refugees", website: "https://www.icorn.org");
        yield return N("leading-cities", "Leading Cities", "",
            "A global non-profit that helps cities become more resilient and sustainable.",
            kinds: "cities", regions: "global", themes: "city-resilient city-sustainable city-innovative",
            website: "https://www.leadingcities.org");
        yield return N("making-cities-resilient-2030", "Making Cities Resilient 2030", "MCR2030",
            "An initiative of several partners, led by the UN Office for Disaster Risk Reduction, that helps cities reduce disaster risk.",
            kinds: "cities and local governments", regions: "global", themes: "city-resilient sdg-11 sdg-13",
            website: "https://mcr2030.undrr.org");
        yield return N("mayors-migration-council", "Mayors Migration Council", "MMC",
            "Set up by mayors for mayors to shape policy on migration and displacement.",
            mandate: "A leadership board of mayors, among them those of Amman, Bristol, Dhaka North, Freetown, Kampala, Milan, Montevideo, Montréal and Zürich, guides the council, which works with more than 200 cities worldwide.",
            members: 200, kinds: "cities (coalition)", model: "open",
            modelNote: "No strict membership requirements: an open resource for mayors of cities of every size, region and income level.",
            founded: 2018, regions: "global", themes: "right-migrants-and-refugees city-migration sdg-10",
            website: "https://www.mayorsmigrationcouncil.org");
        yield return N("metropolis", "Metropolis", "",
            "The world association of major metropolises.",
            model: "open", modelNote: "Any public authority with territorial jurisdiction, or any body representing a metropolis, may join, whatever its local government system.",
            members: 141, kinds: "metropolitan governments and bodies", founded: 1985, hq: "Barcelona", regions: "global",
            themes: "sdg-11 sdg-16", website: "https://www.metropolis.org");
        yield return N("open-agile-smart-cities", "Open & Agile Smart Cities", "OASC",
            "A non-profit of cities and communities that use technology to improve life for their residents.",
            members: 155, kinds: "cities and communities", countries: 31, founded: 2015, regions: "global",
            themes: "city-smart city-digital sdg-9", website: "https://oascities.org");
        yield return N("partnership-for-healthy-cities", "Partnership for Healthy Cities", "",
            "A technical network of Bloomberg Philanthropies, the World Health Organization and Vital Strategies.",
            model: "invitation", modelNote: "Cities join only by invitation; there is no membership fee.",
            kinds: "cities", founded: 2017, regions: "global", themes: "sdg-3 right-health city-healthy");
        yield return N("peace-in-our-cities", "Peace in Our Cities", "",
            "A growing network of cities and partners working to halve urban violence by 2030.",
            mandate: "Co-facilitated by Pathfinders for Peaceful, Just and Inclusive Societies at NYU's Center on International Cooperation, the Kroc Institute for Peace and Justice at the University of San Diego, PlusPeace and the Stanley Center for Peace and Security.",
            members: 22, kinds: "cities, with 30 community-based and international partners", regions: "global",
            themes: "sdg-16 city-peace city-safe");
        yield return N("platforma", "PLATFORMA", "",
            "A pan-European coalition of towns and regions active in development cooperation between cities and regions.",
            mandate: "Its 29 partners are towns, regions, their national associations and European and global networks; all cooperate internationally for sustainable development. The Council of European Municipalities and Regions (CEMR) hosts its secretariat.",
            members: 29, kinds: "towns, regions, national associations and networks", hq: "Brussels", regions: "europe",
            themes: "sdg-17 sdg-11", website: "https://platforma-dev.eu");
        yield return N("rainbow-cities-network", "Rainbow Cities Network", "",
            "Local and regional authorities that take on discrimination against LGBTI people where it happens: close to home.",
            mission: "Discrimination against lesbian, gay, bisexual, transgender, intersex and queer people often takes place in their immediate surroundings, which gives cities and regions a particular responsibility that most administrations do not yet take up explicitly.",
            kinds: "cities and regions", regions: "europe", themes: "right-lgbti-equality city-rainbow right-non-discrimination sdg-10");
        yield return N("regions4", "Regions4", "",
            "Regional governments that make their voice heard in the United Nations on biodiversity, climate and sustainable development.",
            mission: "It drives leadership by regional governments, raises resources, argues for their recognition and carries their positions into the main UN processes.",
            kinds: "regional governments", founded: 2002, regions: "global", themes: "sdg-13 sdg-15 sdg-17",
            website: "https://www.regions4.org");
        yield return N("resilient-cities-network", "Resilient Cities Network", "R-Cities",
            "An independent non-profit that advances urban resilience to protect vulnerable communities.",
            mandate: "Built on what the 100 Resilient Cities programme, pioneered by The Rockefeller Foundation, left behind.",
            kinds: "cities", regions: "global", themes: "city-resilient sdg-11 sdg-13", website: "https://resilientcitiesnetwork.org");
        yield return N("unesco-creative-cities-network", "UNESCO Creative Cities Network", "UCCN",
            "UNESCO's flagship programme for cities that put culture and creativity at the heart of sustainable development.",
            mission: "Members treat culture and creativity as strategic drivers of the sustainable cities of tomorrow and of the Sustainable Development Goals.",
            members: 246, kinds: "cities", countries: 80, founded: 2004, hq: "Paris", regions: "global", themes: "city-creative sdg-11 sdg-4",
            website: "https://www.unesco.org/en/creative-cities");
        yield return N("unesco-global-network-of-learning-cities", "UNESCO Global Network of Learning Cities", "GNLC",
            "A policy-oriented network of communities committed to lifelong learning for all.",
            mission: "It inspires its members and spreads know-how and good practice among local communities of every world region.",
            kinds: "cities and communities", regions: "global", themes: "city-learning sdg-4 right-education");
        yield return N("uclg", "United Cities and Local Governments", "UCLG",
            "The global voice of democratic local self-government, grown out of a movement more than a century old.",
            mandate: "Through local and regional governments in seven world regions it represents some 70% of the world's population; it counts about 250,000 members in more than 140 States.",
            members: 250000, kinds: "local and regional governments and their associations", countries: 140, founded: 2004, hq: "Barcelona",
            regions: "global", themes: "sdg-11 sdg-16 sdg-17 right-participation", website: "https://www.uclg.org");
        yield return N("who-european-healthy-cities-network", "WHO European Healthy Cities Network", "",
            "Flagship cities and national networks of cities working with WHO/Europe on health and well-being.",
            mandate: "Flagship cities deal with WHO/Europe directly; national networks group cities within one Member State. In both cases WHO gives political, strategic and technical support and builds capacity.",
            kinds: "flagship cities and national networks", founded: 1988, hq: "Copenhagen", regions: "europe",
            themes: "sdg-3 right-health city-healthy");
        yield return N("who-global-network-age-friendly-cities", "WHO Global Network for Age-friendly Cities and Communities", "GNAFCC",
            "Cities, communities and organisations that want to be great places in which to grow older.",
            mandate: "The World Health Organization set the network up in 2010.",
            members: 1300, kinds: "cities, communities and organisations", countries: 51, founded: 2010, hq: "Geneva", regions: "global",
            themes: "city-age-friendly right-older-persons-rights sdg-3 sdg-11");
        yield return N("women-transforming-cities", "Women Transforming Cities", "WTC",
            "Works to take apart intersecting systems of oppression so that cities become places where everyone belongs.",
            mission: "Equity in social, economic and political life for all genders, and cities where everyone can take part.",
            regions: "americas", themes: "right-gender-equality sdg-5 city-gender-sensitive right-non-discrimination",
            website: "https://www.womentransformingcities.org");
        yield return N("wego", "World Smart Sustainable Cities Organization", "WeGO",
            "A membership association of local governments, companies and institutions turning cities into smart, sustainable places.",
            kinds: "local governments, companies and institutions", founded: 2010, hq: "Seoul", regions: "global",
            themes: "city-smart city-sustainable sdg-9 sdg-11", website: "https://we-gov.org");
    }

    private static Network N(string slug, string name, string acronym, string summary, string mission = "", string mandate = "",
        int? members = null, string kinds = "", int? countries = null, string model = "", string modelNote = "", int? founded = null,
        string hq = "", string regions = "", string themes = "", string website = "") => new()
    {
        Slug = slug, Name = name, Acronym = acronym, Summary = summary, Mission = mission, Mandate = mandate,
        MemberCount = members, MemberKinds = kinds, CountryCount = countries, MembershipModel = model, MembershipNote = modelNote,
        FoundedYear = founded, Headquarters = hq,
        Regions = NetworkFields.Canonical("regions", regions), Themes = NetworkFields.Canonical("themes", themes), Website = website,
    };
}
