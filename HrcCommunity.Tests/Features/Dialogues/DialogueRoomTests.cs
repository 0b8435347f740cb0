using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Features.Dialogues;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class DialogueRoomTests
{
    [Fact]
    public async Task Roles_AdmitRegisteredParticipantsTheOrganiserAndCoordinators_AndNobodyElse()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var access = db.Get<DialogueAccess>();
        var otherCoordinator = await db.CreateUserAsync("Other Coordinator", Roles.Coordinator);
        var outsider = await EventsTestData.PractitionerAsync(db, "Olga Outsider");
        var expert = await db.CreateUserAsync("Erik Expert", Roles.Expert);
        var pending = await db.CreateUserAsync("Pat Pending", ApprovalStatus.Pending);

        Assert.Equal(RoomRole.Participant, await access.RoleAsync(room.Ada, room.EventId));
        Assert.Equal(RoomRole.Moderator, await access.RoleAsync(room.Organiser, room.EventId));
        Assert.Equal(RoomRole.Moderator, await access.RoleAsync(otherCoordinator, room.EventId));
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(outsider, room.EventId));
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(expert, room.EventId));
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(pending, room.EventId));
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(Actor.Anonymous, room.EventId));
        Assert.Equal(RoomRole.NoRoom, await access.RoleAsync(room.Ada, room.EventId + 1000));
        Assert.True(await access.MayFollowAsync(room.Bruno, DialogueAccess.TopicOf(room.EventId)));
        Assert.False(await access.MayFollowAsync(outsider, DialogueAccess.TopicOf(room.EventId)));
        Assert.False(await access.MayFollowAsync(room.Bruno, $"room:{room.EventId}x"));

        var service = db.Get<DialogueRoomService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => service.PostAsync(outsider, room.EventId, "Hello"));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.OpenAsync(Actor.Anonymous, room.EventId));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.TranscriptAsync(pending, room.EventId));
        await Assert.ThrowsAsync<NotFoundException>(() => service.OpenAsync(room.Ada, room.EventId + 1000));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SetLockedAsync(room.Ada, room.EventId, true));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.GiveFloorAsync(room.Bruno, room.EventId));
    }

    [Fact]
    public async Task NamedModerator_WithoutASeat_HasTheModeratorTools_FromTheMomentTheyAreNamed_AndLosesThemWhenUnnamed()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var access = db.Get<DialogueAccess>();
        var events = db.Get<EventService>();
        var mona = await EventsTestData.PractitionerInAsync(db, "Mona Moderator", "Vienna");
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(mona, room.EventId));

        var version = (await events.GetAsync(room.Organiser, room.EventId))!.Version;
        await events.UpdateAsync(room.Organiser, room.EventId, EventsTestData.Edit("Advisory councils compared", visibility: EventVisibility.Practitioners)
            with { ExpectedVersion = version, ModeratorId = mona.UserId });

        Assert.Equal(RoomRole.Moderator, await access.RoleAsync(mona, room.EventId));
        Assert.Equal(RoomRole.Participant, await access.RoleAsync(room.Ada, room.EventId));
        var service = db.Get<DialogueRoomService>();
        Assert.True((await service.SetLockedAsync(mona, room.EventId, true)).IsLocked);
        var posted = await service.PostAsync(mona, room.EventId, "The room is locked while the panel speaks, @Ada Lind.");
        Assert.Equal(["Ada Lind"], posted.Mentions);
        Assert.Equal("Vienna", posted.City);
        await Assert.ThrowsAsync<ConflictException>(() => service.PostAsync(room.Ada, room.EventId, "Can I still post?"));

        await events.UpdateAsync(room.Organiser, room.EventId, EventsTestData.Edit("Advisory councils compared", visibility: EventVisibility.Practitioners)
            with { ExpectedVersion = version + 1 });
        db.Clock.Advance(DialogueAccess.RosterFor);
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(mona, room.EventId));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.SetLockedAsync(mona, room.EventId, false));
    }

    [Fact]
    public async Task DemoSeed_HoldsTheDemoList_UpcomingRoomWithMessagesHandAndQuestion_PastDialogueWithMinutes_OpenWorkshop_OpenPoll()
    {
        await using var demo = await SqliteDatabase.CreateAsync(seedDemoContent: true);
        await using var db = demo.CreateDbContext();
        var now = demo.Clock.GetUtcNow().UtcDateTime;
        var practitioner = await db.Users.SingleAsync(u => u.Email == "practitioner@demo.hrc.local");
        var coordinator = await db.Users.SingleAsync(u => u.Email == "coordinator@demo.hrc.local");
        bool BothRegistered(int eventId) => new[] { practitioner.Id, coordinator.Id }.All(id =>
            db.EventRegistrations.Any(r => r.EventId == eventId && r.UserId == id && r.Status == RegistrationStatus.Confirmed));

        var upcoming = await db.CommunityEvents.Where(e => e.Kind == EventKind.InterCityDialogue).OrderBy(e => e.Id).FirstAsync();
        Assert.True(upcoming.StartsAtUtc > now);
        Assert.True(BothRegistered(upcoming.Id));
        var room = await demo.Get<DialogueRoomService>().OpenAsync(new Actor(practitioner.Id, practitioner.DisplayName, new HashSet<string> { Roles.Practitioner }, true), upcoming.Id);
        Assert.InRange(room.Messages.Messages.Count, 3, 10);
        Assert.Contains(room.Hands, h => h.UserId == practitioner.Id);
        Assert.NotEmpty(room.Questions);

        var past = await db.CommunityEvents.SingleAsync(e => e.Kind == EventKind.InterCityDialogue && e.EndsAtUtc < now);
        Assert.True(BothRegistered(past.Id));
        var minutes = await demo.Get<DialogueRoomService>().MinutesAsync(new Actor(coordinator.Id, coordinator.DisplayName, new HashSet<string> { Roles.Coordinator }, true), past.Id);
        Assert.Contains("<h2", minutes!.Html);
        Assert.True(await db.DialogueMessages.CountAsync(m => m.EventId == past.Id) >= 3);

        Assert.True(await db.CommunityEvents.AnyAsync(e => e.Kind == EventKind.BrainstormingWorkshop && e.Registration == RegistrationMode.Open && e.StartsAtUtc > now));
        var poll = await db.SlotPolls.Include(p => p.Slots).SingleAsync();
        Assert.Null(poll.ChosenSlotId);
        Assert.All(poll.Slots, slot => Assert.True(slot.StartsAtUtc > now));
    }

    [Fact]
    public async Task Role_FollowsRegistration_NewSeatsAtOnce()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var access = db.Get<DialogueAccess>();
        var late = await EventsTestData.PractitionerAsync(db, "Lena Late");
        Assert.Equal(RoomRole.Outsider, await access.RoleAsync(late, room.EventId));

        await db.Get<EventRegistrationService>().RegisterAsync(late, room.EventId, AccessNeeds.None);

        Assert.Equal(RoomRole.Participant, await access.RoleAsync(late, room.EventId));
    }

    [Fact]
    public async Task Post_PublishesTheMessageWithActorAndSeq_MentionsResolved_AndRawHtmlEscaped()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var received = new List<LiveEvent<RoomChange>>();
        var arrived = new TaskCompletionSource();
        using var subscription = db.Get<ILiveNotifier<RoomChange>>().Subscribe(DialogueAccess.TopicOf(room.EventId), e =>
        {
            received.Add(e);
            arrived.TrySetResult();
            return Task.CompletedTask;
        });

        var message = await db.Get<DialogueRoomService>().PostAsync(room.Ada, room.EventId, "Thanks @bruno berg and @Nobody <script>alert(1)</script>", clientMessageId: "c1");
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["Bruno Berg"], message.Mentions);
        Assert.Contains("<mark class=\"mention\">@bruno berg</mark>", message.Html);
        Assert.DoesNotContain("<script>", message.Html);
        Assert.Contains("&lt;script&gt;", message.Html);
        var live = Assert.Single(received);
        Assert.Equal((await subscription.StartSeq + 1, room.Ada.UserId), (live.Seq, live.ActorId));
        Assert.Equal(message.Id, Assert.IsType<MessagePosted>(live.Change).Message.Id);
    }

    [Fact]
    public async Task Mentions_AndReplies_NotifyTheirPeople_InTheSaveOfTheMessage_ButNeverTheAuthor()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var notifications = db.Get<NotificationService>();

        var question = await service.PostAsync(room.Bruno, room.EventId, "Who has data on rent arrears?");
        await service.PostAsync(room.Ada, room.EventId, "We do, and @Bruno Berg should see the Lund figures too. @Ada Lind", parentId: question.Id);

        var told = Assert.Single(await notifications.ListAsync(room.Bruno), n => n.Kind is NotificationKind.RoomMention or NotificationKind.RoomReply);
        Assert.Equal(NotificationKind.RoomMention, told.Kind);
        Assert.Equal($"/events/{room.EventId}/room", told.Link);
        Assert.DoesNotContain(await notifications.ListAsync(room.Ada), n => n.Kind is NotificationKind.RoomMention or NotificationKind.RoomReply);
        await using (var context = db.CreateDbContext())
            Assert.Equal(1, await context.OutboxEmails.CountAsync(e => e.Subject.Contains("mentioned you")));

        await service.PostAsync(room.Bruno, room.EventId, "Thank you!", parentId: question.Id);
        await service.PostAsync(room.Organiser, room.EventId, "Adding the city's own study.", parentId: question.Id);

        var reply = Assert.Single(await notifications.ListAsync(room.Bruno), n => n.Kind == NotificationKind.RoomReply);
        Assert.Contains("replied to you", reply.Text);
        await using (var context = db.CreateDbContext())
            Assert.Equal(0, await context.OutboxEmails.CountAsync(e => e.Subject.Contains("replied to you")));
    }

    [Fact]
    public async Task Post_TooLong_Flooding_AndARetryOfTheSameClientId_AreEachAnsweredClearly()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();

        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => service.PostAsync(room.Ada, room.EventId, new string('x', DialogueMessage.TextMax + 1)));
        Assert.Contains("The message", tooLong.Message);
        var first = await service.PostAsync(room.Ada, room.EventId, "Once", clientMessageId: "same");
        var retry = await service.PostAsync(room.Ada, room.EventId, "Once", clientMessageId: "same");
        Assert.Equal(first.Id, retry.Id);
        for (var i = 1; i < DialogueRoomService.FloodLimit; i++) await service.PostAsync(room.Ada, room.EventId, $"Message {i}");
        var flood = await Assert.ThrowsAsync<RateLimitedException>(() => service.PostAsync(room.Ada, room.EventId, "One too many"));
        Assert.Contains("very fast", flood.Message);

        db.Clock.Advance(DialogueRoomService.FloodWindow);
        await service.PostAsync(room.Ada, room.EventId, "Later");
        await using var context = db.CreateDbContext();
        Assert.Equal(DialogueRoomService.FloodLimit + 1, await context.DialogueMessages.CountAsync(m => m.EventId == room.EventId));
    }

    [Fact]
    public async Task History_PagesNewestFiftyThenEarlier_AndRepliesJoinTheirThread()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var ids = new List<long>();
        for (var i = 1; i <= 60; i++)
        {
            ids.Add((await service.PostAsync(i % 2 == 0 ? room.Ada : room.Bruno, room.EventId, $"Message {i}")).Id);
            db.Clock.Advance(TimeSpan.FromSeconds(3));
        }
        var reply = await service.PostAsync(room.Ada, room.EventId, "A reply", parentId: ids[^1]);
        var replyToReply = await service.PostAsync(room.Bruno, room.EventId, "A reply to the reply", parentId: reply.Id);

        var view = await service.OpenAsync(room.Ada, room.EventId);
        var earlier = await service.EarlierAsync(room.Ada, room.EventId, view.Messages.Messages[0].Id);

        Assert.Equal(DialogueRoomService.PageSize, view.Messages.Messages.Count);
        Assert.True(view.Messages.HasEarlier);
        Assert.Equal("A reply to the reply", view.Messages.Messages[^1].Text);
        Assert.Equal(ids[^1], replyToReply.ParentId);
        Assert.Equal(["Message 1", "Message 2", "Message 3", "Message 4", "Message 5", "Message 6", "Message 7", "Message 8", "Message 9", "Message 10", "Message 11", "Message 12"],
            earlier.Messages.Select(m => m.Text));
        Assert.False(earlier.HasEarlier);
    }

    [Fact]
    public async Task UnreadMarker_IsWhereThePersonLeft_AndNeverMovesBack()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var seen = await service.PostAsync(room.Bruno, room.EventId, "Seen");
        Assert.Equal(0, (await service.OpenAsync(room.Ada, room.EventId)).LastReadMessageId);

        await service.MarkReadAsync(room.Ada, room.EventId, seen.Id);
        await service.MarkReadAsync(room.Ada, room.EventId, seen.Id - 1);
        await service.PostAsync(room.Bruno, room.EventId, "Unseen");

        Assert.Equal(seen.Id, (await service.OpenAsync(room.Ada, room.EventId)).LastReadMessageId);
    }

    [Fact]
    public async Task Reactions_TwoTabsAtOnce_CountOnce_DecidedByTheUniqueIndex()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var message = await db.Get<DialogueRoomService>().PostAsync(room.Bruno, room.EventId, "React to me");
        // Two services, as two processes would be: each has its own per-room gate, so only the database can decide.
        var tabs = Enumerable.Range(0, 6).Select(_ => NewService(db)).ToList();

        var counts = await Task.WhenAll(tabs.Select(s => s.ReactAsync(room.Ada, room.EventId, message.Id, "clap", on: true)));

        Assert.All(counts, c => Assert.Equal(1, c));
        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.DialogueReactions.CountAsync(r => r.MessageId == message.Id));
        await Assert.ThrowsAsync<ValidationFailedException>(() => tabs[0].ReactAsync(room.Ada, room.EventId, message.Id, "<b>", on: true));
        Assert.Equal(0, await tabs[0].ReactAsync(room.Ada, room.EventId, message.Id, "clap", on: false));
    }

    [Fact]
    public async Task Upvotes_TwoTabsAtOnce_CountOnce_AndQuestionsSortByVotes()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var first = await service.AskAsync(room.Ada, room.EventId, "First question", anonymous: false);
        var second = await service.AskAsync(room.Ada, room.EventId, "Second question", anonymous: false);
        var tabs = Enumerable.Range(0, 6).Select(_ => NewService(db)).ToList();

        await Task.WhenAll(tabs.Select(s => s.UpvoteAsync(room.Bruno, room.EventId, second.Id)));

        await using var context = db.CreateDbContext();
        Assert.Equal(1, await context.DialogueQuestionVotes.CountAsync(v => v.QuestionId == second.Id));
        var view = await service.OpenAsync(room.Bruno, room.EventId);
        Assert.Equal([(second.Id, 1), (first.Id, 0)], view.Questions.Select(q => (q.Id, q.Votes)));
        Assert.Contains(second.Id, view.MyVotes);
    }

    [Fact]
    public async Task AnonymousQuestion_NamesNoAuthor_OnThePageTheLiveChangeOrTheTranscript()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var arrived = new TaskCompletionSource<LiveEvent<RoomChange>>();
        using var subscription = db.Get<ILiveNotifier<RoomChange>>().Subscribe(DialogueAccess.TopicOf(room.EventId), e =>
        {
            arrived.TrySetResult(e);
            return Task.CompletedTask;
        });

        await service.AskAsync(room.Ada, room.EventId, "Who pays for the council?", anonymous: true);
        var live = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var view = await service.OpenAsync(room.Bruno, room.EventId);
        var transcript = await service.TranscriptAsync(room.Bruno, room.EventId);

        Assert.Null(live.ActorId);
        var asked = Assert.IsType<QuestionAsked>(live.Change).Question;
        Assert.Equal((null, null), (asked.AuthorName, asked.City));
        var shown = Assert.Single(view.Questions);
        Assert.Equal((null, null), (shown.AuthorName, shown.City));
        Assert.Contains("anonymous", transcript);
        Assert.DoesNotContain("Ada", transcript);
    }

    [Fact]
    public async Task LockAndMute_StopParticipantsPosting_WithAClearMessage_ButNotModerators()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();

        var settings = await service.SetLockedAsync(room.Organiser, room.EventId, true);
        Assert.True(settings.IsLocked);
        var locked = await Assert.ThrowsAsync<ConflictException>(() => service.PostAsync(room.Ada, room.EventId, "Hello?"));
        Assert.Contains("locked", locked.Message);
        await Assert.ThrowsAsync<ConflictException>(() => service.AskAsync(room.Ada, room.EventId, "A question?", anonymous: false));
        await service.PostAsync(room.Organiser, room.EventId, "Moderators still post");
        await service.SetLockedAsync(room.Organiser, room.EventId, false);

        settings = await service.SetMutedAsync(room.Organiser, room.EventId, room.Bruno.UserId!, true);
        Assert.Equal([room.Bruno.UserId!], settings.MutedUserIds);
        var muted = await Assert.ThrowsAsync<ConflictException>(() => service.PostAsync(room.Bruno, room.EventId, "Hello?"));
        Assert.Contains("muted you", muted.Message);
        Assert.True((await service.OpenAsync(room.Bruno, room.EventId)).IsMuted);
        await service.PostAsync(room.Ada, room.EventId, "Others still post");
        await service.RaiseHandAsync(room.Bruno, room.EventId);

        await service.SetMutedAsync(room.Organiser, room.EventId, room.Bruno.UserId!, false);
        await service.PostAsync(room.Bruno, room.EventId, "Back");
    }

    [Fact]
    public async Task Mute_OfAFormerMembersKeptMessage_IsNotFound_InsteadOfAFailedWrite()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();

        await Assert.ThrowsAsync<NotFoundException>(() => service.SetMutedAsync(room.Organiser, room.EventId, "", true));

        Assert.Empty((await service.OpenAsync(room.Organiser, room.EventId)).Settings.MutedUserIds);
    }

    [Fact]
    public async Task PinAndDelete_ADeletedMessageShowsAsRemoved_AndLosesItsPin()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var message = await service.PostAsync(room.Ada, room.EventId, "Pin me, then delete me");

        Assert.Equal(message.Id, (await service.PinAsync(room.Organiser, room.EventId, message.Id)).Pinned?.Id);
        await service.RemoveMessageAsync(room.Organiser, room.EventId, message.Id);

        var view = await service.OpenAsync(room.Bruno, room.EventId);
        var removed = Assert.Single(view.Messages.Messages);
        Assert.Equal((true, "", ""), (removed.IsRemoved, removed.Text, removed.Html));
        Assert.Null(view.Settings.Pinned);
        Assert.DoesNotContain("Pin me", await service.TranscriptAsync(room.Bruno, room.EventId));
    }

    [Fact]
    public async Task SpeakerQueue_ModeratorGivesTheFloorInTheOrderHandsWentUp()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        await service.RaiseHandAsync(room.Bruno, room.EventId);
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        var hands = await service.RaiseHandAsync(room.Ada, room.EventId);
        Assert.Equal(["Bruno Berg", "Ada Lind"], hands.Queue.Select(h => h.Name));
        Assert.Equal(2, (await service.RaiseHandAsync(room.Ada, room.EventId)).Queue.Count);

        var afterFirst = await service.GiveFloorAsync(room.Organiser, room.EventId);
        Assert.Equal(("Bruno Berg", "York"), (afterFirst.Floor?.Name, afterFirst.Floor?.City));
        Assert.Equal(["Ada Lind"], afterFirst.Queue.Select(h => h.Name));
        await service.LowerHandAsync(room.Ada, room.EventId);
        await Assert.ThrowsAsync<ConflictException>(() => service.GiveFloorAsync(room.Organiser, room.EventId));
    }

    [Fact]
    public async Task Minutes_AreForThoseInTheRoom_AndWrittenOnlyByTheModerator()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var service = db.Get<DialogueRoomService>();
        var outsider = await EventsTestData.PractitionerAsync(db, "Olga Outsider");

        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveMinutesAsync(room.Ada, room.EventId, "# Mine"));
        await service.SaveMinutesAsync(room.Organiser, room.EventId, "# Minutes\n\n<b>raw</b> and **bold**");

        var minutes = await service.MinutesAsync(room.Ada, room.EventId);
        Assert.NotNull(minutes);
        Assert.Contains("<strong>bold</strong>", minutes.Html);
        Assert.DoesNotContain("<b>", minutes.Html);
        Assert.Null(await service.MinutesAsync(outsider, room.EventId));
        Assert.Null(await service.MinutesAsync(Actor.Anonymous, room.EventId));
    }

    [Fact]
    public async Task Posts_SentAtOnce_AreWrittenTogether_EachWithItsOwnId_AndAnnouncedOnceEach_InIdOrder_WithoutAGap()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        using var heard = new LiveRecorder<RoomChange>(db.Get<ILiveNotifier<RoomChange>>(), DialogueAccess.TopicOf(room.EventId));
        var service = db.Get<DialogueRoomService>();
        Actor[] posters = [room.Ada, room.Bruno, room.Organiser];

        var sent = await Task.WhenAll(Enumerable.Range(0, posters.Length * DialogueRoomService.FloodLimit).Select(i => Task.Run(() =>
            service.PostAsync(posters[i % posters.Length], room.EventId, $"Message {i}", clientMessageId: $"m{i}"))));

        await using var context = db.CreateDbContext();
        var saved = await context.DialogueMessages.Where(m => m.EventId == room.EventId).ToDictionaryAsync(m => m.Id, m => m.ClientMessageId);
        Assert.Equal(sent.Length, saved.Count);
        Assert.All(sent, m => Assert.Equal(m.ClientMessageId, saved[m.Id]));
        await heard.WaitForAsync(sent.Length);
        var events = heard.Events;
        Assert.Equal(sent.Length, events.Count);
        Assert.Equal(Enumerable.Range(1, sent.Length).Select(i => events[0].Seq + i - 1), events.Select(e => e.Seq));
        var announced = events.Select(e => Assert.IsType<MessagePosted>(e.Change).Message.Id).ToList();
        Assert.Equal(sent.Select(m => m.Id).Order(), announced);
    }

    [Fact]
    public async Task RoomRules_HeldInMemory_AreDroppedWhenALockFromAnotherProcessIsAnnounced()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var rules = new RoomPostCache(db.Get<IDbContextFactory<HrcDbContext>>(), db.Get<DialogueAccess>(), db.Get<ILiveNotifier<RoomChange>>());
        Assert.False((await rules.RulesAsync(room.EventId, CancellationToken.None)).IsLocked);

        // Another process's service: its save and its announcement on the room's topic are all this cache can know of.
        await NewService(db).SetLockedAsync(room.Organiser, room.EventId, true);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await rules.RulesAsync(room.EventId, CancellationToken.None)).IsLocked)
        {
            Assert.True(DateTime.UtcNow < deadline, "The lock never reached the cached rules.");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task AnOutOfDateRoster_AndItsPeople_AskedForByFiftyPostsAtOnce_AreEachReadOnce()
    {
        await using var db = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(db);
        var factory = new GatedDbContextFactory(db.Get<IDbContextFactory<HrcDbContext>>());
        var access = new DialogueAccess(factory, db.Clock);
        var cache = new RoomPostCache(factory, access, db.Get<ILiveNotifier<RoomChange>>());
        await cache.PeopleAsync(room.EventId, CancellationToken.None);
        Assert.Equal(2, factory.Opened);

        db.Clock.Advance(DialogueAccess.RosterFor);
        factory.Close();
        var peopleAsks = Enumerable.Range(0, 50).Select(_ => cache.PeopleAsync(room.EventId, CancellationToken.None).AsTask()).ToList();
        var roleAsks = Enumerable.Range(0, 50).Select(_ => access.RoleAsync(room.Ada, room.EventId).AsTask()).ToList();
        // Every caller found the roster out of date before any read could finish: one of them reads it.
        Assert.Equal(3, factory.Opened);
        factory.Open();

        Assert.All(await Task.WhenAll(roleAsks), role => Assert.Equal(RoomRole.Participant, role));
        var people = Assert.Single((await Task.WhenAll(peopleAsks)).Distinct());
        Assert.Equal("Bruno Berg", people.Find(room.Bruno.UserId!)!.DisplayName);
        Assert.Equal(4, factory.Opened);
    }

    /// <summary>Counts the contexts asked for, and can hold them back so that callers overlap.</summary>
    private sealed class GatedDbContextFactory(IDbContextFactory<HrcDbContext> inner) : IDbContextFactory<HrcDbContext>
    {
        private TaskCompletionSource _gate = CompletedGate();
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.TrySetResult();

        public HrcDbContext CreateDbContext() => throw new NotSupportedException("The room's reads are asynchronous.");

        public async Task<HrcDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            await _gate.Task;
            return await inner.CreateDbContextAsync(cancellationToken);
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }

    private static DialogueRoomService NewService(SqliteDatabase db) =>
        new(db.Get<IDbContextFactory<HrcDbContext>>(), db.Get<DialogueAccess>(), db.Get<ILiveNotifier<RoomChange>>(), new InProcessRoomFloodGate(), db.Clock,
            db.Get<IOptions<EmailOptions>>());
}
