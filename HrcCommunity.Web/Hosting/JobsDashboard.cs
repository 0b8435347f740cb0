using System.Globalization;
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
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        _ = ContrastFix.Value;
        var dashboard = endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "HrcCommunity jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdminOnly()],
        }).RequireAuthorization(Policies.Admin);
        dashboard.Add(InEnglish);
        return dashboard;
    }

    /// <summary>Hangfire's stylesheets are process-wide, so ours is added once however many hosts a process starts.</summary>
    private static readonly Lazy<bool> ContrastFix = new(() =>
    {
        DashboardRoutes.AddStylesheet(typeof(JobsDashboard).Assembly, "HrcCommunity.Web.Hosting.jobs-dashboard.css");
        return true;
    });

    /// <summary>
    /// The dashboard writes the UI culture's two-letter name into <c>&lt;html lang&gt;</c>; under the invariant culture
    /// that is "iv", which no screen reader knows. Its texts are English, so it is told so.
    /// </summary>
    private static void InEnglish(EndpointBuilder endpoint)
    {
        var next = endpoint.RequestDelegate!;
        endpoint.RequestDelegate = context =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return next(context);
        };
    }

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
