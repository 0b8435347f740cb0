using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace HrcCommunity.Web.Hosting;

/// <summary>Hangfire's dashboard at <see cref="Path"/>, for Admins only.</summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    /// <summary>
    /// The endpoint's Admin policy answers like every other admin page (anonymous: to sign-in; others: 403).
    /// The dashboard filter checks the same policy because Hangfire's default filter admits any local request.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "HrcCommunity jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdminOnly()],
        }).RequireAuthorization(Policies.Admin);

    private sealed class AdminOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, Policies.Admin)).Succeeded;
        }
    }
}
