using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Notifications;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class NotificationTests
{
    [Fact]
    public async Task Approval_WritesTheBellLineWithTheRegistration_EmailsByDefault_AndTellsTheBellLive()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        var pia = await EventsTestData.PractitionerAsync(database);
        var registrations = database.Get<EventRegistrationService>();
        var id = await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit() with { Registration = RegistrationMode.ByApproval });
        await registrations.RegisterAsync(pia, id, AccessNeeds.None);
        using var bell = new LiveRecorder<NotificationChanged>(database.Get<ILiveNotifier<NotificationChanged>>(), NotificationChanged.TopicOf(pia.UserId!));

        await registrations.ApproveAsync(coordinator, (await registrations.ListAsync(coordinator, id)).Single().Id);

        var notifications = database.Get<NotificationService>();
        var item = Assert.Single(await notifications.ListAsync(pia));
        Assert.Equal(NotificationKind.Registration, item.Kind);
        Assert.Contains("you have a seat", item.Text);
        Assert.Equal($"/events/{id}", item.Link);
        Assert.Equal(1, await notifications.UnreadCountAsync(pia));
        var heard = Assert.Single(await bell.WaitForAsync(1));
        Assert.Equal(new NotificationChanged(pia.UserId!, NotificationChange.Added, item.Id, item), heard);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.Subject == "Your registration: Advisory councils compared"));
    }

    [Fact]
    public async Task PromotionFromTheWaitlist_NotifiesThePersonWhoGotTheSeat()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        var first = await EventsTestData.PractitionerAsync(database, "First Person");
        var second = await EventsTestData.PractitionerAsync(database, "Second Person");
        var registrations = database.Get<EventRegistrationService>();
        var id = await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(capacity: 1));
        await registrations.RegisterAsync(first, id, AccessNeeds.None);
        await registrations.RegisterAsync(second, id, AccessNeeds.None);

        await registrations.CancelAsync(first, id);

        var notifications = database.Get<NotificationService>();
        Assert.Contains("it is yours", Assert.Single(await notifications.ListAsync(second)).Text);
        Assert.Empty(await notifications.ListAsync(first));
    }

    [Theory]
    [InlineData(NotificationChannel.Both, 1, 1)]
    [InlineData(NotificationChannel.Bell, 1, 0)]
    [InlineData(NotificationChannel.Email, 0, 1)]
    [InlineData(NotificationChannel.None, 0, 0)]
    public async Task TheChannelChosenForAKind_DecidesBetweenBellAndEmail(NotificationChannel channel, int bellLines, int emails)
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var coordinator = await EventsTestData.CoordinatorAsync(database);
        var first = await EventsTestData.PractitionerAsync(database, "First Person");
        var second = await EventsTestData.PractitionerAsync(database, "Second Person");
        var notifications = database.Get<NotificationService>();
        await notifications.SetChannelsAsync(second, new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Registration] = channel });
        var registrations = database.Get<EventRegistrationService>();
        var id = await database.Get<EventService>().CreateAsync(coordinator, EventsTestData.Edit(capacity: 1));
        await registrations.RegisterAsync(first, id, AccessNeeds.None);
        await registrations.RegisterAsync(second, id, AccessNeeds.None);

        await registrations.CancelAsync(first, id);

        Assert.Equal(channel, (await notifications.GetChannelsAsync(second))[NotificationKind.Registration]);
        Assert.Equal(NotificationChannel.Both, (await notifications.GetChannelsAsync(second))[NotificationKind.EventReminder]);
        Assert.Equal(bellLines, (await notifications.ListAsync(second)).Count);
        await using var db = database.CreateDbContext();
        Assert.Equal(emails, await db.OutboxEmails.CountAsync(e => e.Subject == "You have a seat: Advisory councils compared"));
    }

    [Fact]
    public async Task MarkRead_TouchesOnlyTheReadersOwn_AndMarkAllClearsTheCount()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ana = await database.CreateUserAsync("Ana", Roles.Practitioner);
        var ben = await database.CreateUserAsync("Ben", Roles.Practitioner);
        await using (var db = database.CreateDbContext())
        {
            foreach (var (who, text) in new[] { (ana, "one"), (ana, "two"), (ana, "three"), (ben, "bens") })
                await db.NotifyAsync(database.Clock, new Notice(who.UserId!, NotificationKind.RoomMention, text, "/events"), null, default);
            await db.SaveChangesAsync();
        }
        var notifications = database.Get<NotificationService>();
        var anas = await notifications.ListAsync(ana);
        var bens = Assert.Single(await notifications.ListAsync(ben));
        using var bell = new LiveRecorder<NotificationChanged>(database.Get<ILiveNotifier<NotificationChanged>>(), NotificationChanged.TopicOf(ana.UserId!));

        Assert.Equal(["three", "two", "one"], anas.Select(n => n.Text));
        await notifications.MarkReadAsync(ana, anas[0].Id);
        await notifications.MarkReadAsync(ana, anas[0].Id);
        await Assert.ThrowsAsync<NotFoundException>(() => notifications.MarkReadAsync(ana, bens.Id));
        Assert.Equal(2, await notifications.UnreadCountAsync(ana));
        Assert.Equal(1, await notifications.UnreadCountAsync(ben));
        Assert.Equal(2, await notifications.MarkAllReadAsync(ana));

        Assert.Equal(0, await notifications.UnreadCountAsync(ana));
        Assert.Equal(1, await notifications.UnreadCountAsync(ben));
        Assert.Equal([NotificationChange.Read, NotificationChange.AllRead], (await bell.WaitForAsync(2)).Select(c => c.Change));
    }

    [Fact]
    public async Task NotifyAsync_KeepsLinksOnTheSite_AndShortensLongText()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ana = await database.CreateUserAsync("Ana", Roles.Practitioner);
        await using (var db = database.CreateDbContext())
        {
            await db.NotifyAsync(database.Clock, new Notice(ana.UserId!, NotificationKind.RoomReply, new string('x', 400), "https://evil.example/"), null, default);
            await db.NotifyAsync(database.Clock, new Notice(ana.UserId!, NotificationKind.RoomReply, "ok", "//evil.example/"), null, default);
            await db.SaveChangesAsync();
        }

        var items = await database.Get<NotificationService>().ListAsync(ana);
        Assert.All(items, i => Assert.Equal("/", i.Link));
        Assert.Equal(Notification.TextMax, items[1].Text.Length);
    }

    [Fact]
    public async Task QuestionStateChanges_NotifyTheSignedInAsker_AndTheExpertWhoNowHoldsIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var asker = await database.CreateUserAsync("Asking Practitioner", Roles.Practitioner);
        var expert = await database.CreateUserAsync("Erin Expert", Roles.Expert);
        var other = await database.CreateUserAsync("Omar Expert", Roles.Expert);
        var coordinator = await database.CreateUserAsync("Carla Coordinator", Roles.Coordinator);
        var id = (await database.Get<QuestionIntakeService>().AskAsync(asker, QuestionsTestData.Submission(), "203.0.113.9")).QuestionId;
        var triage = database.Get<QuestionTriageService>();

        await triage.ClaimAsync(expert, id);
        await triage.ReassignAsync(coordinator, id, other.UserId!);

        var notifications = database.Get<NotificationService>();
        var asked = await notifications.ListAsync(asker);
        Assert.Contains(asked, n => n.Kind == NotificationKind.QuestionState && n.Text.EndsWith("is now: being answered by an expert."));
        var held = Assert.Single(await notifications.ListAsync(other));
        Assert.Equal($"/experts/questions/{id}", held.Link);
        Assert.StartsWith("Carla Coordinator changed", held.Text);
        Assert.Empty(await notifications.ListAsync(coordinator));
    }

    [Fact]
    public async Task PracticeReviewed_NotifiesTheSubmitter_WithALinkToThePublishedPractice()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var submitter = await database.CreateUserAsync("Sam Submitter", Roles.Practitioner);
        var coordinator = await database.CreateUserAsync("Carla Coordinator", Roles.Coordinator);
        var practices = database.Get<PracticeService>();
        var slug = await practices.SubmitAsync(submitter, new PracticeInput($"Housing first {Guid.NewGuid():N}", "Graz", "2024", "A problem.",
            "An approach.", "Results.", "Lessons.", "Call Hanna", ["right-housing"], [], []));

        await practices.PublishAsync(coordinator, slug, 1);

        var item = Assert.Single(await database.Get<NotificationService>().ListAsync(submitter));
        Assert.Equal(NotificationKind.PracticeReview, item.Kind);
        Assert.Equal($"/practices/{slug}", item.Link);
        Assert.Contains("is published", item.Text);
    }
}
