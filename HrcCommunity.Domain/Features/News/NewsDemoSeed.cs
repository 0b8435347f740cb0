using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.News;

/// <summary>Sample monitoring posts on trends the network's documents mention, written for the demo.</summary>
public sealed class NewsDemoSeed(TimeProvider clock) : ISeed
{
    public int Order => 60;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.NewsPosts.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        NewsPost[] posts =
        [
            Post("research-on-human-rights-cities-moves-to-asia", now.AddDays(-21),
                "Research on human rights cities moves to Asia",
                "Studies of how cities work with rights are spreading beyond Europe, with a large survey of Indonesian cities under way.",
                """
                Most of what has been written about human rights cities so far comes from Europe and North America. That is changing.

                - The **Raoul Wallenberg Institute** is starting a line of research on Asian cities, building on its study of seven Swedish municipalities.
                - In **Indonesia**, the NGO Infid is surveying about a hundred cities that say they work with human rights, with support from the institute.
                - Seven cities in **Turkey** are working with researchers on the rights of specific groups of residents.

                For members this means more comparable evidence from very different legal and political settings. We will summarise the findings in the Knowledge Centre when they are published.
                """,
                "sdg-16 sdg-11"),
            Post("cities-and-the-welcome-of-refugees", now.AddDays(-10),
                "How European cities welcome refugees: a research trend to watch",
                "Academic partners of the network are studying what role human rights play when cities receive and include refugees.",
                """
                Researchers at University College Roosevelt in Middelburg are looking at the way cities across Europe receive refugees, and at whether a human rights frame changes what municipalities actually do.

                Questions the research asks:

                1. Which local services do cities open to newcomers, whatever their status?
                2. How do city councils explain their choices to residents?
                3. Where do national rules and local commitments collide?

                Member cities that run reception or inclusion programmes are invited to share their experience through the practices section.
                """,
                "right-migrants-and-refugees city-migration sdg-10"),
            Post("us-human-rights-cities-look-south", now.AddDays(-3),
                "US human rights cities plan gatherings in the South",
                "The US alliance of human rights city organisers is preparing regional meetings and a look at corporate power in cities.",
                """
                After national meetings in Pittsburgh, Washington, DC and Greenville, South Carolina, organisers in the **US National Human Rights Cities Alliance** are planning further regional gatherings in the southern states.

                One theme on their agenda is new for many human rights cities: how the power of large companies over housing, services and public space affects residents' rights, and what a city can do about it.

                We will follow these discussions and report what European members can learn from them.
                """,
                "right-right-to-the-city right-housing city-rebel"),
        ];
        db.NewsPosts.AddRange(posts);
        foreach (var post in posts) await Search.SearchIndexing.IndexAsync(db, NewsService.ToSearchDocument(post), clock, ct);
        await db.SaveChangesAsync(ct);
    }

    private static NewsPost Post(string slug, DateTime publishedAt, string title, string summary, string body, string themes) => new()
    {
        Slug = slug, Title = title, Summary = summary, Body = body, Themes = themes,
        PublishedAt = publishedAt, CreatedAt = publishedAt, UpdatedAt = publishedAt, AuthorName = "Network secretariat",
    };
}
