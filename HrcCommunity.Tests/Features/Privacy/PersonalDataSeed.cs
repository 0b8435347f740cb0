using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Privacy;

/// <summary>A person with one record of every kind the platform keeps about people, each marked with a word of their own.</summary>
public sealed record SeededPerson(Actor Actor, string Email, string Name, string Marker, string Password);

public static class PersonalDataSeed
{
    public const string Password = "Privacy-Password-2026";
    public const string OtherAsker = "Someone Else Asking";
    public const string RoomOrganiserReply = "Thank you for that,";
    public const string OtherBoardAuthor = "Someone Else Writing";
    public const string OtherBoardNote = "A note someone else wrote";

    public static async Task<SeededPerson> SeedAsync(SqliteDatabase database, string name, string marker, params string[] roles)
    {
        var actor = await database.CreateUserAsync(name, roles);
        var users = database.Get<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(actor.UserId!))!;
        Assert.True((await users.AddPasswordAsync(user, Password)).Succeeded);
        await users.AddLoginAsync(user, new UserLoginInfo("Microsoft", $"{marker}-login", "Microsoft"));
        await users.AddClaimAsync(user, new System.Security.Claims.Claim("note", $"{marker}-claim"));
        await users.SetAuthenticationTokenAsync(user, "Microsoft", "refresh", $"{marker}-token");
        var email = user.Email!;
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await using var db = database.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptIn, true).SetProperty(u => u.ReviewNote, $"{marker}-review"));
        var network = await db.Networks.OrderBy(n => n.Id).FirstAsync();
        db.Questions.Add(Question(marker, "asked-signed-in", name, email, user.Id, QuestionState.New, now));
        db.Questions.Add(Question(marker, "asked-by-email", name, email.ToUpperInvariant(), null, QuestionState.Published, now));
        var answered = Question(marker, "answered", OtherAsker, $"asker-{marker}@example.org", null, QuestionState.Answered, now);
        answered.AnsweredById = user.Id;
        answered.AnsweredByName = name;
        answered.Answer = $"{marker}-answer text";
        answered.Notes.Add(new QuestionNote { AuthorId = user.Id, AuthorName = name, Text = $"{marker}-note", CreatedAt = now });
        answered.Log.Add(new QuestionLogEntry { ActorId = user.Id, ActorName = name, Detail = "claimed", At = now });
        db.Questions.Add(answered);
        var published = Practice(marker, "published", user.Id, name, email, PracticeStatus.Published, now);
        published.Comments.Add(new PracticeComment { AuthorId = user.Id, AuthorName = name, Body = $"{marker}-comment", CreatedAt = now });
        db.Practices.Add(published);
        db.Practices.Add(Practice(marker, "in-review", user.Id, name, email, PracticeStatus.InReview, now));
        await db.SaveChangesAsync();
        db.PracticeUsefulMarks.Add(new PracticeUsefulMark { PracticeId = published.Id, UserId = user.Id, CreatedAt = now });
        db.NetworkCorrections.Add(new NetworkCorrection
        {
            NetworkId = network.Id, ChangesJson = "{}", Note = $"{marker}-correction", Email = email, ProposedById = user.Id,
            ProposedByName = name, ProposerKey = $"{marker}-key", ProposedAt = now,
        });
        var storedName = $"{marker}-stored.pdf";
        Directory.CreateDirectory(database.DataFolder.AttachmentsPath);
        await File.WriteAllTextAsync(Path.Combine(database.DataFolder.AttachmentsPath, storedName), $"{marker}-file-content");
        db.KnowledgeItems.Add(new KnowledgeItem
        {
            Slug = $"{marker}-knowledge", Title = $"{marker}-knowledge title", AuthorId = user.Id, AuthorName = name,
            CreatedAt = now, UpdatedAt = now,
            Attachments = [new KnowledgeAttachment { FileName = $"{marker}-report.pdf", StoredName = storedName, ContentType = "application/pdf", UploadedAt = now, UploadedByName = name }],
            Revisions = [new KnowledgeRevision { Version = 1, Change = "created", ChangedAt = now, ChangedById = user.Id, ChangedByName = name }],
        });
        db.Drafts.Add(new Draft { UserId = user.Id, Key = $"practice:{marker}", Content = $"{{\"title\":\"{marker}-draft\"}}", SavedAt = now });
        db.Enqueue(database.Clock, email, $"Welcome {name}", $"Hello {name}, {marker}-welcome", "accounts/welcome");
        var board = new Board { Title = $"{marker}-board", FacilitatorId = "", CreatedAt = now, Columns = [new BoardColumn { Title = "Ideas" }] };
        db.Boards.Add(board);
        await db.SaveChangesAsync();
        var boardNote = new BoardNote
        {
            BoardId = board.Id, ColumnId = board.Columns[0].Id, Text = $"{marker}-board-note", AuthorId = user.Id, AuthorName = name, CreatedAt = now, Version = 1,
        };
        // The person also put a dot on someone else's note: their archive may say where the dot is, never what the other wrote.
        var otherAuthor = await database.CreateUserAsync(OtherBoardAuthor, Roles.Practitioner);
        var othersNote = new BoardNote
        {
            BoardId = board.Id, ColumnId = board.Columns[0].Id, Position = 1, Text = OtherBoardNote, AuthorId = otherAuthor.UserId!, AuthorName = OtherBoardAuthor,
            CreatedAt = now, Version = 1,
        };
        db.BoardNotes.AddRange(boardNote, othersNote);
        await db.SaveChangesAsync();
        db.BoardVotes.Add(new BoardVote { BoardId = board.Id, NoteId = boardNote.Id, UserId = user.Id, CastAt = now });
        db.BoardVotes.Add(new BoardVote { BoardId = board.Id, NoteId = othersNote.Id, UserId = user.Id, CastAt = now });
        await db.SaveChangesAsync();
        await SeedRoomAsync(database, actor, name, marker);
        await SeedOrganisedAsync(database, actor, name, marker);
        return new SeededPerson(actor, email, name, marker, Password);
    }

    /// <summary>An event and a time poll the person organised, as a Coordinator would.</summary>
    private static async Task SeedOrganisedAsync(SqliteDatabase database, Actor person, string name, string marker)
    {
        var organiser = new Actor(person.UserId, name, new HashSet<string> { Roles.Coordinator }, true);
        await database.Get<EventService>().CreateAsync(organiser, EventsTestData.Edit($"{marker}-organised"));
        await database.Get<SlotPollService>().CreateAsync(organiser, new PollEdit($"{marker}-poll", EventKind.ExchangeOfViews, "Europe/Vienna", null, [],
            [new(new DateTime(2026, 12, 1, 10, 0, 0), new DateTime(2026, 12, 1, 11, 0, 0)), new(new DateTime(2026, 12, 2, 10, 0, 0), new DateTime(2026, 12, 2, 11, 0, 0))]));
    }

    /// <summary>
    /// A room where the person did everything a participant can, and was given the floor, pinned, highlighted and muted;
    /// the organiser replied to them with an @mention.
    /// </summary>
    private static async Task SeedRoomAsync(SqliteDatabase database, Actor person, string name, string marker)
    {
        var organiser = await EventsTestData.CoordinatorAsync(database);
        var eventId = await database.Get<EventService>().CreateAsync(organiser, EventsTestData.Edit($"{marker}-dialogue", visibility: EventVisibility.Practitioners));
        await database.Get<EventRegistrationService>().RegisterAsync(person, eventId, AccessNeeds.None);
        var room = database.Get<DialogueRoomService>();
        var message = await room.PostAsync(person, eventId, $"{marker}-room message", clientMessageId: "client-1");
        await room.PostAsync(person, eventId, $"{marker}-room follow-up", parentId: message.Id);
        await room.PostAsync(organiser, eventId, $"{RoomOrganiserReply} @{name}", parentId: message.Id);
        await room.ReactAsync(person, eventId, message.Id, "heart", on: true);
        var question = await room.AskAsync(person, eventId, $"{marker}-room question", anonymous: false);
        await room.AskAsync(person, eventId, $"{marker}-anonymous room question", anonymous: true);
        await room.UpvoteAsync(person, eventId, question.Id);
        await room.RaiseHandAsync(person, eventId);
        await room.GiveFloorAsync(organiser, eventId);
        await room.RaiseHandAsync(person, eventId);
        await room.PinAsync(organiser, eventId, message.Id);
        await room.HighlightAsync(organiser, eventId, question.Id);
        await room.SetMutedAsync(organiser, eventId, person.UserId!, muted: true);
        await room.MarkReadAsync(person, eventId, message.Id);
    }

    private static Question Question(string marker, string what, string name, string email, string? userId, QuestionState state, DateTime now) => new()
    {
        Title = $"{marker}-{what} question title", Body = $"{marker}-{what} question body", Topic = "other",
        AskerName = name, AskerEmail = email, AskerPlace = $"{marker}-place", AskerUserId = userId,
        StatusSalt = Guid.NewGuid().ToString("N"), StatusTokenHash = Guid.NewGuid().ToString("N"),
        EmailHash = $"{marker}-emailhash", IpHash = $"{marker}-iphash", State = state, AskedAt = now, UpdatedAt = now,
        AnsweredAt = state is QuestionState.Answered or QuestionState.Published ? now : null,
        Slug = state == QuestionState.Published ? $"{marker}-{what}" : null,
    };

    private static Practice Practice(string marker, string what, string userId, string name, string email, PracticeStatus status, DateTime now) => new()
    {
        Slug = $"{marker}-{what}", Title = $"{marker}-{what} practice", City = "Graz", Problem = $"{marker}-problem",
        Contact = $"{name}, {email}", Status = status, SubmitterId = userId, SubmitterName = name,
        SubmittedAt = now, UpdatedAt = now, PublishedAt = status == PracticeStatus.Published ? now : null,
    };
}
