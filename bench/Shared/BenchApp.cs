using HrcCommunity.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace HrcCommunity.Bench;

/// <summary>The real app for a hub benchmark: Production, a fresh data folder, a loopback port, no scheduler.</summary>
internal static class BenchApp
{
    /// <summary>Before the benchmark's first line, as the app's Program does first: the runtime reads these once.</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void ApplyProcessSettings() => ProcessSettings.Apply();

    /// <summary>
    /// A benchmark may add or replace services on the builder before <see cref="StartAsync"/>. A second instance of the
    /// app is given the first one's <paramref name="dataFolder"/>, and so its database. <paramref name="settings"/> are
    /// applied before the app's services are added, which read some of them (Redis, the database) as they register.
    /// </summary>
    public static (WebApplicationBuilder Builder, string DataFolder) CreateBuilder(string name, string? dataFolder = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        dataFolder ??= Directory.CreateTempSubdirectory($"hrc-{name}-").FullName;
        // The app's own name, so that it finds its static assets manifest beside this program.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "HrcCommunity.Web" });
        builder.Configuration["Hrc:DataFolder"] = dataFolder;
        builder.Configuration["Hrc:Scheduler:Enabled"] = "false";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["AllowedHosts"] = "*";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.Configuration[key] = value;
        builder.AddHrcWeb();
        return (builder, dataFolder);
    }

    public static async Task<WebApplication> StartAsync(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        await app.InitializeDatabaseAsync();
        app.UseHrcPipeline();
        app.MapHrcEndpoints();
        await app.StartAsync();
        return app;
    }
}
