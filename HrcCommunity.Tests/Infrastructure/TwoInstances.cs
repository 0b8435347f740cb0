using HrcCommunity.Domain.Data;
using Microsoft.Playwright;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>Runs alone: two app processes, Redis, an SMTP server and Chromium at once are a lot for a small CI machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstances>
{
    public const string Name = "two-instances";
}

/// <summary>
/// Two real app processes behind no proxy, as a scaled-out deployment runs them: one PostgreSQL database (with the
/// data-protection and server keys), one shared attachments folder, one Redis, one SMTP server, and a data folder of
/// each instance's own. Tests talk to <see cref="A"/> and <see cref="B"/> directly, as a sticky proxy would send two
/// people to different instances.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    /// <summary>
    /// Low enough for a test to use it up across both instances, high enough for every other test's sign-ins from
    /// loopback in one minute (each browser signs in once).
    /// </summary>
    public const int AnonymousFormPostsPerMinute = 50;

    private IPlaywright? _playwright;

    public RedisServerProcess Redis { get; } = new();

    public SmtpServerProcess Smtp { get; } = new();

    /// <summary>
    /// The shared database, on the run's throwaway PostgreSQL cluster; Domain services here act on it directly, as a
    /// third writer. Its data folder is A's; B has its own (<see cref="_folderOfB"/>).
    /// </summary>
    public SqliteDatabase Database { get; } = new()
    {
        Provider = DatabaseProvider.PostgreSql, SeedDemoContent = true, Clock = new ManualClock(DateTimeOffset.UtcNow),
    };

    private readonly string _folderOfB = RepoPaths.NewTempFolder("instance-b");

    public AppProcess A { get; private set; } = default!;

    public AppProcess B { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await Smtp.StartAsync();
        await Database.InitializeAsync();
        var settings = new Dictionary<string, string>(Database.DatabaseConfiguration.ToDictionary(s => s.Key, s => s.Value!))
        {
            ["Hrc:Attachments:Path"] = Database.DataFolder.AttachmentsPath,
            ["Hrc:Redis:Configuration"] = Redis.Configuration,
            ["Hrc:RateLimits:AnonymousFormPostsPerMinute"] = AnonymousFormPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hrc:Email:SmtpHost"] = "127.0.0.1",
            ["Hrc:Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hrc:Email:SmtpSecurity"] = "None",
            ["Hrc:Scheduler:PollInterval"] = "00:00:01",
            // Both instances sweep for due reminders every minute, racing each other and the delayed jobs.
            ["Hrc:Scheduler:ReminderSweepCron"] = "* * * * *",
        };
        // One after the other: the first migrates and seeds, the second finds it done.
        A = await AppProcess.StartAsync(settings, Database.DataFolder.Path);
        B = await AppProcess.StartAsync(settings, _folderOfB);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserHost.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh browser context on the given instance, signed in as the persona.</summary>
    public async Task<IPage> NewPageAsAsync(AppProcess app, Persona persona)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        if (persona != Persona.Anonymous) await BrowserHost.SignInAsync(page, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await Smtp.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(_folderOfB, recursive: true); } catch (IOException) { }
    }
}
