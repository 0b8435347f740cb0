using HrcCommunity.Domain.Data;
using HrcCommunity.Web.Components;
using HrcCommunity.Web.Components.Layout;
using HrcCommunity.Web.Features.Accounts;
using HrcCommunity.Web.Features.Dialogues;
using HrcCommunity.Web.Features.Boards;
using HrcCommunity.Web.Features.Events;
using HrcCommunity.Web.Features.Knowledge;
using HrcCommunity.Web.Features.Networks;
using HrcCommunity.Web.Features.Notifications;
using HrcCommunity.Web.Features.Privacy;
using HrcCommunity.Web.Features.Search;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace HrcCommunity.Web.Hosting;

public static class WebApplicationExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var seedDemo = app.Configuration.GetValue<bool>("Hrc:SeedDemoContent");
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo);
    }

    public static WebApplication UseHrcPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error/500", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // A page that answers 404 has already set up its components in this request: the error page needs a fresh scope.
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(AssetsFolder(app)),
            RequestPath = "/assets",
        });
        app.UseAuthentication();
        app.UseTokenScopes();
        app.UseAuthorization();
        app.UseSignInAccountForRateLimits();
        app.UseRateLimiter();
        // After authentication, so a signed-in person is never answered from the anonymous visitors' pages.
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapHrcEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapAccountEndpoints();
        app.MapNetworkEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapSearchEndpoints();
        app.MapPrivacyEndpoints();
        app.MapEventEndpoints();
        app.MapDialogueEndpoints();
        app.MapBoardEndpoints();
        app.MapNotificationEndpoints();
        app.MapThemePreference();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapJobsDashboard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>From source the assets sit at the repository's top; published, they are copied beside the app.</summary>
    private static string AssetsFolder(WebApplication app)
    {
        var fromSource = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "wwwroot-assets"));
        return Directory.Exists(fromSource) ? fromSource : Path.Combine(AppContext.BaseDirectory, "assets");
    }
}
