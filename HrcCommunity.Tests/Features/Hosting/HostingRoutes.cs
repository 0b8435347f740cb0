using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Hosting;

public static class HostingRoutes
{
    public static readonly RouteExpectation[] All =
    [
        // Opened directly, the error page still answers with its own code.
        new("/error/404", Access.Public, AdmittedStatus: 404),
        new("/error/500", Access.Public, AdmittedStatus: 500),
        // The hub itself is open to all; each topic checks who may join it (LiveTopics).
        new("/hubs/live/negotiate?negotiateVersion=1", Access.Public, "POST"),
        // Light or dark: anyone may choose, and is sent back to the page they were on.
        new("/preferences/theme", Access.Public, "POST", 302),
    ];
}
