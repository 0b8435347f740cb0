using System.Globalization;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace HrcCommunity.Bench;

/// <summary>
/// Blazor circuits in a room, beside the hub clients: one headless Debian Chromium with a browser context (its own
/// cookie) per member, each on the room page with its circuit up. Each page notes, for each bench message that appears
/// in its list, the time from the message's sentAt (the page shows it in the time element's datetime) to that moment,
/// by the same clock the server stamped it with.
/// </summary>
internal sealed class BlazorCircuits : IAsyncDisposable
{
    // Runs in every page before its own scripts: each new message item is timed once, by its id.
    private const string RecordArrivals = """
        window.__benchArrivals = [];
        const seen = new Set();
        const atMs = (at) => {
          const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(at);
          return Date.parse(m[1] + (m[3] || 'Z')) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
        };
        new MutationObserver((records) => {
          const now = Date.now();
          for (const record of records) for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            for (const item of node.matches('li[data-message]') ? [node] : node.querySelectorAll('li[data-message]')) {
              const id = item.dataset.message, time = item.querySelector('time[datetime]');
              if (seen.has(id) || !time || !item.textContent.includes('Bench message')) continue;
              seen.add(id);
              window.__benchArrivals.push([now, now - atMs(time.getAttribute('datetime'))]);
            }
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages = [];

    private BlazorCircuits(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public int Count => _pages.Count;

    /// <summary>
    /// The bench app runs from the bench's build folder, where only the static web assets manifest says where
    /// blazor.web.js and the app's other assets are; Development reads it by itself, the bench's Production does not.
    /// And its sign-in cookie loses Production's __Host- name: Chromium takes no Secure cookie for plain http.
    /// </summary>
    public static void PrepareForBrowsers(WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Services.ConfigureApplicationCookie(options => options.Cookie.Name = "hrc.auth");
    }

    /// <summary>
    /// Opens a room page for each member, signed in as that member, and stops early (saying so)
    /// when a page fails to bring its circuit up within the timeout: what this machine can hold is the result then.
    /// </summary>
    public static async Task<BlazorCircuits> OpenAsync(WebApplication app, int eventId, IEnumerable<Actor> members)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // Background tabs would have their timers throttled: every page here is a tab someone is looking at.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        var circuits = new BlazorCircuits(playwright, browser);
        var baseUrl = app.Urls.First();
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        foreach (var member in members)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "en-GB" });
            context.SetDefaultTimeout(60_000);
            await context.AddCookiesAsync([new Cookie
            {
                Name = cookies.Cookie.Name!, Value = await SignedInCookieAsync(app, cookies, member.UserId!), Url = baseUrl,
                HttpOnly = true, SameSite = SameSiteAttribute.Lax,
            }]);
            await context.AddInitScriptAsync(RecordArrivals);
            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync($"/events/{eventId}/room");
                await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }
            catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
            {
                Console.WriteLine($"Blazor circuits: page {circuits.Count + 1} did not come up ({ex.GetType().Name}); going on with {circuits.Count}");
                await context.CloseAsync();
                break;
            }
            circuits._pages.Add(page);
        }
        return circuits;
    }

    /// <summary>The app's own sign-in cookie for a member, as the sign-in page would have set it.</summary>
    private static async Task<string> SignedInCookieAsync(WebApplication app, CookieAuthenticationOptions cookies, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId)
            ?? throw new InvalidOperationException($"No user {userId}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(2) },
            IdentityConstants.ApplicationScheme);
        return cookies.TicketDataFormat.Protect(ticket);
    }

    /// <summary>A row like the hub clients' (deliveries/s p50 p95 p99 max delivered), from what every page recorded.</summary>
    public async Task<string> ResultAsync()
    {
        var arrivals = new List<(double At, double Latency)>();
        foreach (var page in _pages)
            foreach (var pair in await page.EvaluateAsync<double[][]>("window.__benchArrivals"))
                arrivals.Add((pair[0], pair[1]));
        var sorted = arrivals.Select(a => a.Latency).Order().ToList();
        double P(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q / 100 * sorted.Count) - 1)];
        var seconds = arrivals.Count < 2 ? double.NaN : Math.Max((arrivals.Max(a => a.At) - arrivals.Min(a => a.At)) / 1000, 0.001);
        var culture = CultureInfo.GetCultureInfo("en");
        return string.Create(culture, $"{$"{_pages.Count} Blazor circuits",-21} {Math.Round(sorted.Count / seconds),13:N0} {P(50),8:F1} {P(95),8:F1} " +
            $"{P(99),8:F1} {(sorted.Count == 0 ? double.NaN : sorted[^1]),8:F1} {sorted.Count,10}");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
