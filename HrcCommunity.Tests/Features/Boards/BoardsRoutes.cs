using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Boards;

public static class BoardsRoutes
{
    /// <summary>
    /// The seeded workshop's board (write phase), for the people registered for the workshop: the demo practitioner holds
    /// a seat, the demo expert does not, so the expert is refused it (403 with the board's own message).
    /// </summary>
    public const int WorkshopBoard = 1;

    /// <summary>The seeded finished stand-alone board (discuss phase, clusters and dots), open to every approved member.</summary>
    public const int FinishedBoard = 2;

    public static readonly RouteExpectation[] All =
    [
        new("/boards", Access.Practitioner),
        new("/boards/new", Access.Coordinator),
        new($"/boards/{FinishedBoard}", Access.Practitioner),
        new($"/boards/{WorkshopBoard}", Access.Practitioner, Refused: [Persona.Expert]),
        new($"/boards/{WorkshopBoard}/export.csv", Access.Practitioner, Refused: [Persona.Expert]),
        new($"/boards/{FinishedBoard}/export.csv", Access.Practitioner),
        new($"/boards/{FinishedBoard}/export.md", Access.Practitioner),
    ];

    /// <summary>Audited for accessibility as a Coordinator, who facilitates (the live board with every control on it).</summary>
    public static readonly string[] CoordinatorPages = ["/boards", "/boards/new", $"/boards/{WorkshopBoard}", $"/boards/{FinishedBoard}"];
}
