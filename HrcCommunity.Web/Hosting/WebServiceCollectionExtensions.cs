using System.Net;
using System.Threading.RateLimiting;
using HrcCommunity.Domain;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Features.Accounts;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using StackExchange.Redis;

namespace HrcCommunity.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>Every Web registration, in plain sight.</summary>
    public static WebApplicationBuilder AddHrcWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var configuredFolder = configuration["Hrc:DataFolder"];
        var dataFolder = new DataFolder(string.IsNullOrWhiteSpace(configuredFolder)
            ? DataFolder.DefaultFor(builder.Environment.ContentRootPath)
            : configuredFolder, configuration["Hrc:Attachments:Path"]);

        services.AddHrcDomain(configuration, dataFolder);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddPublicPageCache();
        services.AddMudServices();
        services.AddScoped<HrcCommunity.Web.Features.Events.ViewerZone>();
        services.AddSingleton<HrcCommunity.Web.Features.Dialogues.RoomMessageMarkup>();
        services.AddLocalization();
        var signalR = services.AddSignalR();
        services.AddLiveStreams();
        services.AddSingleton<HrcCommunity.Web.Features.Search.SearchResultsCache>();
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        var health = services.AddHealthChecks().AddDbContextCheck<HrcDbContext>("database");
        if (configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() is { Enabled: true } redis)
        {
            // Hub group membership and sends to a connection on another instance; live changes themselves travel on the
            // live bus, and each instance writes them to its own connections (see LiveHubForwarding).
            signalR.AddStackExchangeRedis(options =>
            {
                options.Configuration = ConfigurationOptions.Parse(redis.Configuration);
                options.Configuration.AbortOnConnectFail = false;
                options.Configuration.ChannelPrefix = RedisChannel.Literal(redis.Prefix + "signalr:");
            });
            health.AddCheck<RedisHealthCheck>("redis");
        }
        // Cookies and antiforgery tokens must open on every instance: with PostgreSQL the keys live in the shared database.
        var dataProtection = services.AddDataProtection().SetApplicationName("HrcCommunity");
        if (DatabaseSettings.From(configuration, dataFolder).IsPostgreSql) dataProtection.PersistKeysToDbContext<HrcDbContext>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(KeyFiles.EnsureFolder(dataFolder)));

        AddAccounts(services, configuration, builder.Environment);
        AddRateLimits(services, configuration.GetValue("Hrc:RateLimits:AnonymousFormPostsPerMinute", 30),
            configuration.GetValue("Hrc:RateLimits:SignInPostsPerAccountPerMinute", 5));

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("Hrc:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });

        return builder;
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthentication().AddMicrosoftSignIn(configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.AccessDeniedPath = "/account/access-denied";
            // Outside Development the site is only ever reached over HTTPS (TLS ends at the proxy), so the cookie is Secure
            // whatever scheme the proxy forwards, and its __Host- name makes browsers refuse it unless it is Secure, for
            // the whole site (Path=/) and set by this host alone (no Domain): a sibling subdomain cannot plant or shadow it.
            options.Cookie.Name = environment.IsDevelopment() ? "hrc.auth" : "__Host-hrc.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // A 403 with our error page, not a redirect: signed-in people should see why they are refused.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every Identity cookie (sign-in, the two-factor step, "remember this browser"); Development runs on plain http.
        services.ConfigureAll<CookieAuthenticationOptions>(options =>
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = configuration.GetValue("Hrc:Accounts:RefreshClaimsEvery", TimeSpan.FromMinutes(1)));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Asks DemoAccountSignInRule before each sign-in; it refuses demo accounts outside Development only.
                options.SignIn.RequireConfirmedAccount = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HrcDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HrcClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<AppUser>, DemoAccountSignInRule>();

        services.AddHrcPolicies();
        services.AddPersonalAccessTokens();
    }

    /// <summary>The role policies pages and menus name; public so component tests judge with the real rules.</summary>
    public static AuthorizationBuilder AddHrcPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Practitioner, p => p.RequireAuthenticatedUser().RequireClaim(HrcClaims.Approved, "true")
                .RequireRole(Roles.All))
            .AddPolicy(Policies.Expert, p => p.RequireAuthenticatedUser().RequireClaim(HrcClaims.Approved, "true")
                .RequireRole(Roles.Expert, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Coordinator, p => p.RequireAuthenticatedUser().RequireClaim(HrcClaims.Approved, "true")
                .RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(HrcClaims.Approved, "true")
                .RequireRole(Roles.Admin));

    private static void AddRateLimits(IServiceCollection services, int anonymousPostsPerMinute, int signInPostsPerAccountPerMinute)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The refused request is a POST, and re-executing it into the error page would turn it into a form
            // post that page cannot take (a 400): the limiter writes its own short page instead.
            options.OnRejected = (context, ct) => TooManyRequestsPage.WriteAsync(context.HttpContext, ct);
            // Anonymous form posts (sign-in, registration, questions) are limited per client address.
            // Reading the form is free; only submissions count.
            options.AddPolicy(RateLimits.AnonymousForms, context => HttpMethods.IsPost(context.Request.Method)
                ? RedisFixedWindowRateLimiter.Partition(context, RateLimits.AnonymousForms,
                    ClientAddress.Bucket(context.Connection.RemoteIpAddress), anonymousPostsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("reads"));
            // Checked on every request but counts sign-in posts only: per account and address, on top of the page's policy.
            options.GlobalLimiter = SignInRateLimit.Limiter(signInPostsPerAccountPerMinute);
        });
    }
}

public static class Policies
{
    public const string Practitioner = "Practitioner";
    public const string Expert = "Expert";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";
}

public static class RateLimits
{
    public const string AnonymousForms = "anonymous-forms";
}
