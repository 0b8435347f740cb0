using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static HrcCommunity.Tests.Features.Notifications.DigestTestData;

namespace HrcCommunity.Tests.Features.Notifications;

/// <summary>The digests as they arrive at a real SMTP server (aiosmtpd): content, grouping, visibility and timing.</summary>
[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class DigestEmailTests
{
    [Fact]
    public async Task WeeklyDigest_GroupsTheFollowedAreas_NewestFirst_InTextAndHtml_WithOneClickUnsubscribe()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        var reader = await ReaderAsync(database, "Rita Reader", DigestFrequency.Weekly,
            DigestAreas.Knowledge | DigestAreas.Practices | DigestAreas.Events, Roles.Practitioner);
        await IndexAsync(database, SearchKinds.Knowledge, "guide", "An older guide");
        await IndexAsync(database, SearchKinds.Practice, "council", "Graz youth council");
        await IndexAsync(database, SearchKinds.Network, "eurocities", "Eurocities joins the directory");
        await IndexAsync(database, SearchKinds.News, "charter", "Newer <news> on the charter");
        await database.Get<EventService>().CreateAsync(await EventsTestData.CoordinatorAsync(database), EventsTestData.Edit("Advisory councils compared"));

        Assert.Equal(1, await database.Get<DigestService>().SendAsync(DigestFrequency.Weekly, database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        await DispatchAsync(database, smtp);

        var message = Assert.Single(smtp.Messages());
        Assert.Equal(await EmailOfAsync(database, reader), message.To.Mailboxes.Single().Address);
        Assert.StartsWith("This week in the Human Rights Cities Network", message.Subject);
        var text = message.TextBody!;
        Assert.Contains("Hello Rita Reader,", text);
        AssertInOrder(text, "Knowledge Centre, news and resources", "Newer <news> on the charter", "An older guide",
            "Best practices", "Graz youth council", "Events", "Advisory councils compared (Thu 10 Dec 2026, 14:00–15:30 (Europe/Vienna))");
        Assert.DoesNotContain("Eurocities", text);
        Assert.DoesNotContain("Directory of cities and networks", text);
        Assert.Contains("/practice/council", text);
        Assert.Contains("<h2 style=\"font-size:1.1em\">Best practices</h2>", message.HtmlBody);
        Assert.Contains(">Newer &lt;news&gt; on the charter</a>", message.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.EndsWith("/one-click>", message.Headers[HeaderId.ListUnsubscribe]);
    }

    [Fact]
    public async Task Digest_ShowsOnlyWhatEachReaderMaySeeWhenItIsSent_SomeoneWhoseRolesWereRemovedGetsPublicItemsOnly()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        var practitioner = await ReaderAsync(database, "Pia Practitioner", DigestFrequency.Weekly, DigestAreas.All, Roles.Practitioner);
        var former = await ReaderAsync(database, "Fred Former", DigestFrequency.Weekly, DigestAreas.All, Roles.Practitioner);
        var pending = await database.CreateUserAsync("Penny Pending", ApprovalStatus.Pending);
        await using (var db = database.CreateDbContext())
            await db.Users.Where(u => u.Id == pending.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, true));
        await IndexAsync(database, SearchKinds.Knowledge, "toolkit", "Toolkit, public summary");
        await IndexAsync(database, SearchKinds.Knowledge, "toolkit", "Toolkit, practitioners' edition", ContentLayer.Practitioners);
        await IndexAsync(database, SearchKinds.Practice, "draft-budget", "Budgeting for rights (practitioners)", ContentLayer.Practitioners);
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit("Closed workshop", visibility: EventVisibility.Practitioners));
        await RemoveRolesAsync(database, former);

        Assert.Equal(2, await database.Get<DigestService>().SendAsync(DigestFrequency.Weekly, database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        await DispatchAsync(database, smtp);

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var full = ToOf(messages, await EmailOfAsync(database, practitioner)).TextBody;
        Assert.Contains("Toolkit, practitioners' edition", full);
        Assert.Contains("Budgeting for rights (practitioners)", full);
        Assert.Contains("Closed workshop", full);
        Assert.DoesNotContain("Toolkit, public summary", full);
        var publicOnly = ToOf(messages, await EmailOfAsync(database, former)).TextBody;
        Assert.Contains("Toolkit, public summary", publicOnly);
        Assert.DoesNotContain("practitioners", publicOnly);
        Assert.DoesNotContain("Closed workshop", publicOnly);
        Assert.DoesNotContain("Best practices", publicOnly);
    }

    [Fact]
    public async Task Digest_WithNothingNew_IsNotSent_AndTheNextOneListsOnlyWhatCameSinceTheReadersLastDigest()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        await ReaderAsync(database, "Dora Directory", DigestFrequency.Daily, DigestAreas.Directory, Roles.Practitioner);
        // Past the directory the test database seeds, so the first day has nothing Dora follows.
        database.Clock.Advance(TimeSpan.FromDays(2));
        var digests = database.Get<DigestService>();
        await IndexAsync(database, SearchKinds.News, "charter", "News nobody here follows");
        var day1 = database.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);

        Assert.Equal(0, await digests.SendAsync(DigestFrequency.Daily, day1));
        database.Clock.Advance(TimeSpan.FromHours(1));
        await IndexAsync(database, SearchKinds.Network, "first", "First network listed");
        Assert.Equal(1, await digests.SendAsync(DigestFrequency.Daily, day1.AddDays(1)));
        Assert.Equal(0, await digests.SendAsync(DigestFrequency.Daily, day1.AddDays(2)));
        database.Clock.Advance(TimeSpan.FromDays(2));
        await IndexAsync(database, SearchKinds.Member, "lund", "Lund joins as a member city");
        Assert.Equal(1, await digests.SendAsync(DigestFrequency.Daily, day1.AddDays(3)));
        await DispatchAsync(database, smtp);

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.StartsWith("Today in the Human Rights Cities Network", m.Subject));
        Assert.All(messages, m => Assert.DoesNotContain("News nobody here follows", m.TextBody));
        var first = messages.Single(m => m.TextBody!.Contains("First network listed"));
        var later = messages.Single(m => m.TextBody!.Contains("Lund joins as a member city"));
        Assert.NotSame(first, later);
        Assert.Contains("You receive this because you asked for the daily digest.", later.TextBody);
    }

    [Fact]
    public async Task DailyAndWeekly_EachGoToThoseWhoChoseThem_AndSwitchingToWeeklyRepeatsNothing()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        var daily = await ReaderAsync(database, "Dan Daily", DigestFrequency.Daily, DigestAreas.All, Roles.Practitioner);
        var weekly = await ReaderAsync(database, "Wanda Weekly", DigestFrequency.Weekly, DigestAreas.All, Roles.Practitioner);
        await ReaderAsync(database, "Nora None", DigestFrequency.None, DigestAreas.All, Roles.Practitioner);
        var digests = database.Get<DigestService>();
        await IndexAsync(database, SearchKinds.Answer, "council", "How to set up a council");
        var now = database.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(1, await digests.SendAsync(DigestFrequency.Daily, now.AddMinutes(1)));
        Assert.Equal(1, await digests.SendAsync(DigestFrequency.Weekly, now.AddMinutes(1)));
        await DispatchAsync(database, smtp);
        await digests.SetPreferencesAsync(daily, new DigestPreferences(DigestFrequency.Weekly, DigestAreas.All, null));
        database.Clock.Advance(TimeSpan.FromHours(1));
        await IndexAsync(database, SearchKinds.Answer, "budget", "How to budget for rights");
        Assert.Equal(2, await digests.SendAsync(DigestFrequency.Weekly, now.AddDays(7)));
        await DispatchAsync(database, smtp);

        var messages = smtp.Messages();
        Assert.Equal(4, messages.Count);
        var (danEmail, wandaEmail) = (await EmailOfAsync(database, daily), await EmailOfAsync(database, weekly));
        var dan = messages.Where(m => m.To.Mailboxes.Single().Address == danEmail).ToList();
        var wanda = messages.Where(m => m.To.Mailboxes.Single().Address == wandaEmail).ToList();
        Assert.Equal(["Today", "This week"], dan.Select(m => m.Subject!.Split(" in the ")[0]));
        Assert.Equal(["This week", "This week"], wanda.Select(m => m.Subject!.Split(" in the ")[0]));
        Assert.Contains("How to set up a council", dan[0].TextBody);
        Assert.DoesNotContain("How to set up a council", dan[1].TextBody);
        Assert.Contains("How to budget for rights", dan[1].TextBody);
        Assert.Contains("Published answers", wanda[1].TextBody);
        Assert.DoesNotContain("How to set up a council", wanda[1].TextBody);
        // Wanda turns to daily on the morning her weekly digest went out: the daily one at the same hour repeats nothing.
        await digests.SetPreferencesAsync(weekly, new DigestPreferences(DigestFrequency.Daily, DigestAreas.All, null));
        Assert.Equal(0, await digests.SendAsync(DigestFrequency.Daily, now.AddDays(7)));
    }

    [Fact]
    public async Task ExpertDigest_ListsQuestionsWaitingLongerThanTheWait_ToCurrentExpertsOnly_AndIsNeverSentEmpty()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Ezra Expert", Roles.Expert);
        var former = await database.CreateUserAsync("Fiona Former", Roles.Expert);
        var quiet = await database.CreateUserAsync("Quentin Quiet", Roles.Expert);
        await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);
        await database.Get<DigestService>().SetPreferencesAsync(quiet, new DigestPreferences(DigestFrequency.None, DigestAreas.All, false));
        var oldest = await QuestionsTestData.AskAsync(database, QuestionsTestData.Submission() with { Title = "Oldest waiting question" });
        database.Clock.Advance(TimeSpan.FromHours(2));
        await QuestionsTestData.AskAsync(database, QuestionsTestData.Submission() with { Title = "Second waiting question" });
        var claimed = await QuestionsTestData.AskAsync(database, QuestionsTestData.Submission() with { Title = "Claimed question" });
        await database.Get<QuestionTriageService>().ClaimAsync(expert, claimed);
        var digests = database.Get<DigestService>();

        database.Clock.Advance(TimeSpan.FromHours(45));
        Assert.Equal(0, await digests.SendExpertAsync(database.Clock.GetUtcNow().UtcDateTime));
        await RemoveRolesAsync(database, former);
        database.Clock.Advance(TimeSpan.FromHours(3));
        var periodEnd = database.Clock.GetUtcNow().UtcDateTime;
        var sent = await digests.SendExpertAsync(periodEnd);
        var again = await digests.SendExpertAsync(periodEnd);
        await DispatchAsync(database, smtp);

        Assert.Equal((1, 0), (sent, again));
        // The askers' confirmation emails went out through the same server.
        var message = Assert.Single(smtp.Messages(), m => m.Subject!.StartsWith("Questions waiting"));
        Assert.Equal(await EmailOfAsync(database, expert), message.To.Mailboxes.Single().Address);
        Assert.Equal("Questions waiting for an expert: 2", message.Subject);
        AssertInOrder(message.TextBody!, "Oldest waiting question (waiting 50 hours)", $"/experts/questions/{oldest}", "Second waiting question (waiting 2 days)");
        Assert.DoesNotContain("Claimed question", message.TextBody);
        Assert.Contains("longer than 2 days", message.TextBody);
        Assert.Contains("<a href=", message.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.NotNull(message.Headers[HeaderId.ListUnsubscribe]);
    }

    private static MimeMessage ToOf(IEnumerable<MimeMessage> messages, string address) =>
        messages.Single(m => m.To.Mailboxes.Single().Address == address);

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = -1;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"Expected “{part}” after position {at} in:\n{text}");
            at = next;
        }
    }
}
