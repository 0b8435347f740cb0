using Hangfire;
using Hangfire.States;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Browser;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Live;

/// <summary>Two app instances sharing one database and one Redis behave as one app to the people using them.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstancesTests(TwoInstances instances)
{
    private static readonly string Room = $"/events/{EventsRoutes.PublicEvent}/room";
    private static readonly string RoomTopic = $"room:{EventsRoutes.PublicEvent}";

    /// <summary>Posts TEXT, then MARKER, to TOPIC through the hub, one after the other.</summary>
    internal const string PostTwiceScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.start()
            .then(() => connection.invoke('Post', process.env.TOPIC, process.env.TEXT, process.env.TEXT_ID))
            .then(() => connection.invoke('Post', process.env.TOPIC, process.env.MARKER, process.env.MARKER_ID))
            .then(() => console.log('POSTED'))
            .catch(e => console.log('FAILED ' + e.message))
            .finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 30000);
        """;

    [Fact]
    public async Task ARoomMessagePostedOnA_AppearsLiveOnce_InABrowserOnB_AndInAHubClientOnB()
    {
        using var hubOnB = await DialoguesHubTests.StartClientAsync(instances.B.BaseUrl, DialoguesHubTests.ClientScript,
            await DialoguesHubTests.CookieAsync(instances.B.BaseUrl, Persona.Practitioner), RoomTopic);
        await hubOnB.WaitForLineAsync(l => l == "JOINED");
        var browserOnB = await instances.NewPageAsAsync(instances.B, Persona.Coordinator);
        await browserOnB.GotoAsync(Room);
        await BrowserHost.WaitForInteractiveAsync(browserOnB);

        var text = $"Posted on A {Guid.NewGuid():N}";
        var marker = $"Posted on A after it {Guid.NewGuid():N}";
        using var posterOnA = await DialoguesHubTests.StartClientAsync(instances.A.BaseUrl, PostTwiceScript,
            await DialoguesHubTests.CookieAsync(instances.A.BaseUrl, Persona.Practitioner), RoomTopic,
            ("TEXT", text), ("TEXT_ID", Guid.NewGuid().ToString("N")), ("MARKER", marker), ("MARKER_ID", Guid.NewGuid().ToString("N")));
        await posterOnA.WaitForLineAsync(l => l == "POSTED");

        // Changes arrive in order: once the later message is shown, a second copy of the first would be too.
        await Expect(browserOnB.Locator(".room-message", new() { HasText = marker })).ToHaveCountAsync(1);
        await Expect(browserOnB.Locator(".room-message", new() { HasText = text })).ToHaveCountAsync(1);
        await hubOnB.WaitForLineAsync(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(marker));
        Assert.Single(hubOnB.LinesMatching(l => l.StartsWith("MESSAGE ", StringComparison.Ordinal) && l.Contains(text)));
        Assert.False(hubOnB.HasLine(l => l.StartsWith("EVENT ", StringComparison.Ordinal) && l.Contains(text)));
        await browserOnB.Context.CloseAsync();
    }

    [Fact]
    public async Task PresenceInARoom_CountsPeopleOnBothInstances_AndSomeoneLeavingOnAGoesFromTheListOnB()
    {
        var onA = await instances.NewPageAsAsync(instances.A, Persona.Practitioner);
        var onB = await instances.NewPageAsAsync(instances.B, Persona.Coordinator);
        foreach (var page in new[] { onA, onB })
        {
            await page.GotoAsync(Room);
            await BrowserHost.WaitForInteractiveAsync(page);
        }

        foreach (var page in new[] { onA, onB })
        {
            await Expect(page.Locator(".room-presence")).ToContainTextAsync("Pia Practitioner");
            await Expect(page.Locator(".room-presence")).ToContainTextAsync("Carla Coordinator");
        }
        await onA.Context.CloseAsync();
        await Expect(onB.Locator(".room-presence")).Not.ToContainTextAsync("Pia Practitioner");
        await Expect(onB.Locator(".room-presence")).ToContainTextAsync("Carla Coordinator");
        await onB.Context.CloseAsync();
    }

    [Fact]
    public async Task AQuestionClaimRacedFromBothInstances_HasOneWinner_AndTheLosersQueueDropsTheRowLive()
    {
        var title = $"Who audits the shelter budget {Guid.NewGuid().ToString("N")[..8]}?";
        var visitor = await instances.NewPageAsAsync(instances.A, Persona.Anonymous);
        await visitor.GotoAsync("/questions/ask");
        await visitor.GetByLabel("Your question in one line").FillAsync(title);
        await visitor.GetByLabel("Your question in detail").FillAsync("Our council asks who should check how the shelter budget is spent.");
        await visitor.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("monitoring");
        await visitor.GetByLabel("Your email, to receive the answer").FillAsync($"shelter-{Guid.NewGuid():N}@example.org");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my question" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you: your question has been sent" })).ToBeVisibleAsync();

        var expertOnA = await instances.NewPageAsAsync(instances.A, Persona.Expert);
        var coordinatorOnB = await instances.NewPageAsAsync(instances.B, Persona.Coordinator);
        foreach (var page in new[] { expertOnA, coordinatorOnB })
        {
            await page.GotoAsync("/experts/queue?state=new&sort=asked&desc=true");
            await BrowserHost.WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" })).ToBeVisibleAsync();
        }

        const string clickClaim = "label => { const b = document.querySelector(`button[aria-label=\"${label}\"]`); if (!b) return false; b.click(); return true; }";
        var clicked = await Task.WhenAll(expertOnA.EvaluateAsync<bool>(clickClaim, $"Claim {title}"), coordinatorOnB.EvaluateAsync<bool>(clickClaim, $"Claim {title}"));
        Assert.Contains(true, clicked);

        var won = await Task.WhenAny(Expect(expertOnA.Locator(".alert-success")).ToBeVisibleAsync(), Expect(coordinatorOnB.Locator(".alert-success")).ToBeVisibleAsync());
        await won;
        await using var db = instances.Database.CreateDbContext();
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Title == title);
        var (winner, loser) = question.HolderId == (await db.Users.SingleAsync(u => u.Email == PersonaAccounts.EmailOf(Persona.Expert))).Id
            ? (expertOnA, coordinatorOnB)
            : (coordinatorOnB, expertOnA);
        await Expect(winner.GetByRole(AriaRole.Status)).ToContainTextAsync("You claimed");
        // The winner's change reached the other instance's queue: no Claim button is left there.
        await Expect(loser.GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" })).ToHaveCountAsync(0);
        await Expect(loser.Locator(".alert-success")).ToHaveCountAsync(0);

        foreach (var page in new[] { visitor, expertOnA, coordinatorOnB }) await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AReminderDueWhileBothInstancesRun_IsSentOnce()
    {
        var database = instances.Database;
        var title = $"Two-instance dialogue {Guid.NewGuid():N}";
        // The apps run on the real clock: the event starts in about eleven minutes, its reminder due in 30 to 90 seconds.
        var now = DateTimeOffset.UtcNow;
        database.Clock.Advance(now - database.Clock.GetUtcNow());
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified).AddMinutes(now.Second < 30 ? 11 : 12);
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        var eventId = await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(title) with
        {
            LocalStart = start, LocalEnd = start.AddHours(1), TimeZone = "UTC",
        });
        await database.Get<EventRegistrationService>().RegisterAsync(await EventsTestData.PractitionerAsync(database, "Tove Twice"), eventId, AccessNeeds.None);
        await database.Get<EventReminderService>().SaveSettingsAsync(coordinator, eventId, new ReminderSettings([10m / 60m], null));
        var jobId = Assert.Single(database.Get<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000),
            j => j.Value.Job.Method.Name == nameof(EventReminderJob.RunAsync) && (int)j.Value.Job.Args[0] == eventId).Key;

        await database.Get<JobStorage>().WaitForStateAsync(jobId, SucceededState.StateName, TimeSpan.FromSeconds(240));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = database.CreateDbContext();
            // Sent, by one of the instances' outbox dispatchers: a second dispatcher sending it too would do so at the same moment.
            if (await db.OutboxEmails.AnyAsync(e => e.Category == "events/reminder" && e.Subject.Contains(title) && e.SentAt != null)
                && Reminders(title).Count > 0) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No reminder was sent. A said:\n{instances.A.Output}\nB said:\n{instances.B.Output}");
            await Task.Delay(100);
        }

        Assert.Single(Reminders(title));
        await using var check = database.CreateDbContext();
        Assert.Equal(1, await check.ReminderDeliveries.CountAsync(d => d.EventId == eventId));
        Assert.Equal(1, await check.OutboxEmails.CountAsync(e => e.Category == "events/reminder" && e.Subject.Contains(title)));
    }

    [Fact]
    public async Task Healthz_NamesTheDatabaseAndRedis_OnEachInstance()
    {
        using var http = new HttpClient();
        foreach (var app in new[] { instances.A, instances.B })
        {
            using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(app.BaseUrl + "/healthz"));
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetString());
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("redis").GetString());
        }
    }

    [Fact]
    public async Task AnonymousFormPosts_AlternatingBetweenAAndB_AreRefusedAfterTheOneSharedLimit_NotTwice()
    {
        // An address of the test's own (the instances trust X-Forwarded-For from loopback), so the limit it uses up is
        // not the one the other tests' sign-ins from 127.0.0.1 count against.
        var address = $"198.51.100.{Random.Shared.Next(1, 255)}";
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() };
        using var onA = ClientFor(instances.A, handler, address);
        using var onB = ClientFor(instances.B, handler, address);
        var fields = new Dictionary<string, string> { ["Input.Email"] = $"{Guid.NewGuid():N}@example.org" };

        const int limit = TwoInstances.AnonymousFormPostsPerMinute;

        var statuses = new List<System.Net.HttpStatusCode>();
        // Each instance alone would let all of them through.
        for (var i = 0; i < limit + 2; i++)
            statuses.Add((await AppHost.PostFormAsync(i % 2 == 0 ? onA : onB, "/account/forgot-password", "forgot", fields)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(System.Net.HttpStatusCode.OK, limit), System.Net.HttpStatusCode.TooManyRequests, System.Net.HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task APageEditedThroughA_IsNotServedStaleFromBsPageCache()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(instances.B.BaseUrl) };
        // B answers the page from its cache (a write anywhere moves the cache's key, so ask until one is cached).
        await WaitUntilAsync(async () => (await anonymous.GetAsync("/how-we-work")).Headers.Age is not null, "B never answered /how-we-work from its cache");

        var marker = $"Edited on A {Guid.NewGuid():N}";
        var editor = await instances.NewPageAsAsync(instances.A, Persona.Coordinator);
        await editor.GotoAsync("/site-pages/how-we-work/edit");
        await BrowserHost.WaitForInteractiveAsync(editor);
        var body = editor.GetByLabel("Text (Markdown)");
        await body.FillAsync(await body.InputValueAsync() + "\n\n" + marker);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(editor.GetByText("Saved. The page is live.")).ToBeVisibleAsync();
        await editor.Context.CloseAsync();

        // The cache keeps a page for a minute; B shows the edit within seconds, once A's write has crossed Redis.
        await WaitUntilAsync(async () => (await anonymous.GetStringAsync("/how-we-work")).Contains(marker, StringComparison.Ordinal),
            "B kept serving /how-we-work from before the edit on A", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SignedInOnA_TheSameCookieIsSignedInOnB()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() };
        using var onA = ClientFor(instances.A, handler, address: null);
        using var onB = ClientFor(instances.B, handler, address: null);

        await AppHost.SignInAsync(onA, PersonaAccounts.EmailOf(Persona.Expert), PersonaAccounts.Password);

        var queue = await onB.GetAsync("/experts/queue");
        Assert.Equal(System.Net.HttpStatusCode.OK, queue.StatusCode);
    }

    private static HttpClient ClientFor(AppProcess app, HttpMessageHandler handler, string? address)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(app.BaseUrl) };
        if (address is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Asks again at once until the condition holds: every answer is a full request to an instance.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
            if (DateTime.UtcNow > deadline) Assert.Fail(failure);
    }

    private List<MimeKit.MimeMessage> Reminders(string title) =>
        instances.Smtp.Messages().Where(m => m.Subject!.Contains(title) && m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
}
