using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Knowledge;

public static class KnowledgeRoutes
{
    /// <summary>A seeded public item with a practitioners-only part.</summary>
    public const string LayeredItem = "five-dimensions-of-the-work-method";

    /// <summary>A seeded item that is wholly for practitioners: anonymous visitors get 404, not a sign-in redirect.</summary>
    public const string PractitionersOnlyItem = "inter-city-dialogue-guide";

    public const string PublishedPractice = "graz-an-advisory-council-that-reviews-city-policy";

    public static readonly RouteExpectation[] All =
    [
        new("/knowledge", Access.Public),
        new("/knowledge?section=institutions-and-resources&theme=sdg-16", Access.Public),
        new($"/knowledge/{LayeredItem}", Access.Public),
        new("/knowledge/new", Access.Practitioner),
        new("/knowledge/propose", Access.Practitioner),
        new("/knowledge/review", Access.Coordinator),
        new($"/knowledge/{LayeredItem}/edit", Access.Coordinator),
        new("/api/knowledge", Access.Public),
        new($"/api/knowledge/{LayeredItem}", Access.Public),
        // No attachment is seeded: a missing file is 404 for everyone, never a sign-in redirect (AttachmentTests cover the layers).
        new($"/knowledge/{LayeredItem}/attachments/999999", Access.Public, AdmittedStatus: 404),
        new("/practices", Access.Public),
        new($"/practices/{PublishedPractice}", Access.Public),
        new("/practices/submit", Access.Practitioner),
        new("/practices/mine", Access.Practitioner),
        new("/practices/review", Access.Coordinator),
    ];

    public static readonly string[] PublicPages = ["/knowledge", $"/knowledge/{LayeredItem}", "/practices", $"/practices/{PublishedPractice}"];
}
