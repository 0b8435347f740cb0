using Microsoft.Playwright;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// Runs on its own, after the collections that run side by side: browser tests wait on a real app, a
/// real browser and live updates, and with the rest of the suite loading both cores at once a page
/// now and then took longer than any sensible timeout (a reload that never reached "load" in 15 s).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}

/// <summary>
/// One real app process and one headless Debian Chromium for every browser test in the collection.
/// Each test opens its own contexts (one per person), so tests never share cookies.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl => App.BaseUrl;

    public async Task InitializeAsync()
    {
        // Short, so tests see a demoted person lose access in an open tab or hub connection without a long wait.
        App = await AppProcess.StartAsync(new Dictionary<string, string> { ["Hrc:Accounts:RefreshClaimsEvery"] = "00:00:02" });
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, as root on a CI machine (never Playwright's own download).</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        Assertions.SetDefaultExpectTimeout(10_000);
        return browser;
    }

    /// <summary>A fresh browser context (its own cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, BypassCSP = bypassCsp, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        // A full page load fetches MudBlazor's 600 KB stylesheet; on a busy two-core CI machine that alone has taken
        // longer than the 15 s that is plenty for a click or a fill.
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as the persona's demo user.</summary>
    public async Task<IPage> NewPageAsAsync(Persona persona)
    {
        var page = await NewPageAsync();
        if (persona != Persona.Anonymous) await SignInAsync(page, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
    }

    /// <summary>Registers on the given page and confirms the address from the outbox email, leaving the page on the confirmation.</summary>
    public async Task RegisterAndConfirmAsync(IPage page, string name, string email, string password)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("City").FillAsync("Lund");
        await page.GetByLabel("Organisation").FillAsync("Lund Social Services");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        // The account reaches the coordinators only once its owner confirms the address, from the email in the outbox.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Please confirm your email address" })).ToBeVisibleAsync();
        var confirmation = await OutboxFiles.WaitForAsync(App.OutboxFolder, email, "/account/confirm-email");
        await page.GotoAsync(OutboxFiles.LinkPath(confirmation, "/account/confirm-email"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your email address is confirmed");
    }

    /// <summary>Waits until the Blazor circuit is up (the layout marks it), so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
