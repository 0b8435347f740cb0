using HrcCommunity.Tests.Features.Accounts;
using HrcCommunity.Tests.Features.Boards;
using HrcCommunity.Tests.Features.Content;
using HrcCommunity.Tests.Features.Dialogues;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Features.Hosting;
using HrcCommunity.Tests.Features.Knowledge;
using HrcCommunity.Tests.Features.Links;
using HrcCommunity.Tests.Features.Members;
using HrcCommunity.Tests.Features.Networks;
using HrcCommunity.Tests.Features.News;
using HrcCommunity.Tests.Features.Notifications;
using HrcCommunity.Tests.Features.Privacy;
using HrcCommunity.Tests.Features.Questions;
using HrcCommunity.Tests.Features.Search;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features;

/// <summary>Every route the product has, from each feature's own list: adding a route is one line there.</summary>
public static class RouteCatalog
{
    public static IEnumerable<RouteExpectation> All =>
    [
        .. ContentRoutes.All,
        .. MembersRoutes.All,
        .. AccountsRoutes.All,
        .. NetworksRoutes.All,
        .. KnowledgeRoutes.All,
        .. QuestionsRoutes.All,
        .. SearchRoutes.All,
        .. LinksRoutes.All,
        .. NewsRoutes.All,
        .. HostingRoutes.All,
        .. PrivacyRoutes.All,
        .. EventsRoutes.All,
        .. DialoguesRoutes.All,
        .. NotificationsRoutes.All,
        .. BoardsRoutes.All,
    ];

    /// <summary>
    /// Signed-in pages (not files, feeds or APIs) this persona is the least-privileged one to open: what they see is
    /// all that anyone at their level sees. Admins also get every page below the Coordinators' level, where their
    /// extra controls appear.
    /// </summary>
    public static IEnumerable<string> SignedInPagesToAuditAs(Persona persona) => All
        .Where(r => r is { Method: "GET", AdmittedStatus: 200 } && r.Access != Access.Public && IsPage(r.Path))
        .Where(r => LeastPersona(r.Access) == persona || (persona == Persona.Admin && r.Access < Access.Coordinator))
        .Select(r => r.Path)
        .Distinct();

    private static Persona LeastPersona(Access access) => access switch
    {
        Access.SignedIn or Access.Practitioner => Persona.Practitioner,
        Access.Expert => Persona.Expert,
        Access.Coordinator => Persona.Coordinator,
        _ => Persona.Admin,
    };

    private static bool IsPage(string path) =>
        !path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/hubs/", StringComparison.Ordinal)
        && !path.Contains('.', StringComparison.Ordinal) && !path.Contains("/export", StringComparison.Ordinal)
        && !path.Contains("/feed", StringComparison.Ordinal);

    /// <summary>Pages anyone can open, audited for accessibility.</summary>
    public static IEnumerable<string> PublicPages =>
    [
        .. ContentRoutes.PublicPages,
        .. MembersRoutes.PublicPages,
        .. AccountsRoutes.PublicPages,
        .. NetworksRoutes.PublicPages,
        .. KnowledgeRoutes.PublicPages,
        .. QuestionsRoutes.PublicPages,
        .. SearchRoutes.PublicPages,
        .. LinksRoutes.PublicPages,
        .. NewsRoutes.PublicPages,
        .. PrivacyRoutes.PublicPages,
        .. EventsRoutes.PublicPages,
        .. NotificationsRoutes.PublicPages,
    ];
}
