using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Dialogues;

public sealed record RoomView(int EventId, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, RoomRole Role, string MyCity, bool IsMuted,
    RoomSettings Settings, RoomPage Messages, IReadOnlyList<RoomQuestion> Questions, IReadOnlySet<int> MyVotes,
    IReadOnlyList<RoomHand> Hands, RoomHand? Floor, long LastReadMessageId, string? Minutes);

/// <summary>A page of messages, oldest first, and the reactions the reader gave among them ("messageId:reaction").</summary>
public sealed record RoomPage(IReadOnlyList<RoomMessage> Messages, bool HasEarlier, IReadOnlySet<string> MyReactions);

public sealed record RoomMinutes(string Markdown, string Html, DateTime UpdatedAt);

/// <summary>
/// The live dialogue room: chat, reactions, the speaker queue, audience questions and moderation, all written to the
/// database and then announced on the room's topic as a <see cref="RoomChange"/>. Changes to one room pass one at a
/// time through a gate, so the counts and queues a change carries are in the same order as the sequence numbers the
/// notifier gives them; the sender still never waits for a receiver. Messages, the hot path, take no gate: they are judged
/// from memory and written in batches by one writer, which announces them in the order it wrote them.
/// </summary>
public sealed class DialogueRoomService(
    IDbContextFactory<HrcDbContext> dbFactory,
    DialogueAccess access,
    ILiveNotifier<RoomChange> notifier,
    IRoomFloodGate floodGate,
    TimeProvider clock,
    IOptions<EmailOptions> email)
{
    public const int PageSize = 50;
    public const int FloodLimit = 8;
    public static readonly TimeSpan FloodWindow = TimeSpan.FromSeconds(10);
    private const int BusyRetries = 2;

    private static readonly ILookup<long, ReactionCount> NoCounts = Array.Empty<ReactionCount>().ToLookup(_ => 0L);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();
    private readonly RoomPostCache _cache = new(dbFactory, access, notifier);
    private RoomPostWriter? _writer;

    // Built on first use: a field initializer cannot name an instance method.
    private RoomPostWriter Writer => LazyInitializer.EnsureInitialized(ref _writer, () => new RoomPostWriter(batch => WriteAsync(batch)));

    /// <summary>The room's title, once the person may enter it: what the page around the live room needs before it starts.</summary>
    public async Task<string> EnterAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "enter this room", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).FirstAsync(ct);
    }

    public async Task<RoomView> OpenAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        var role = await RequireAsync(actor, eventId, "enter this room", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.StartsAtUtc, e.EndsAtUtc }).FirstAsync(ct);
        var room = await db.DialogueRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId, ct) ?? new DialogueRoom { EventId = eventId };
        var messages = await PageAsync(db, actor, eventId, beforeId: null, ct);
        var questions = await db.DialogueQuestions.AsNoTracking().Where(q => q.EventId == eventId).ToListAsync(ct);
        var questionIds = questions.Select(q => q.Id).ToList();
        var myVotes = await db.DialogueQuestionVotes.AsNoTracking().Where(v => v.UserId == actor.UserId && questionIds.Contains(v.QuestionId))
            .Select(v => v.QuestionId).ToListAsync(ct);
        var hands = await HandsAsync(db, eventId, ct);
        var lastRead = await db.DialogueReadMarks.AsNoTracking().Where(m => m.EventId == eventId && m.UserId == actor.UserId)
            .Select(m => (long?)m.LastReadMessageId).FirstOrDefaultAsync(ct);
        var muted = await db.DialogueMutes.AsNoTracking().AnyAsync(m => m.EventId == eventId && m.UserId == actor.UserId, ct);
        var city = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.City).FirstOrDefaultAsync(ct) ?? "";
        return new RoomView(eventId, ev.Title, Utc(ev.StartsAtUtc), Utc(ev.EndsAtUtc), role, city, muted, await SettingsAsync(db, room, ct), messages,
            Sorted(questions.Select(ToQuestion)), myVotes.ToHashSet(), hands, Floor(room),
            // Someone who never opened the room has read nothing: everything is new to them.
            lastRead ?? 0, room.Minutes);
    }

    /// <summary>The <see cref="PageSize"/> messages before <paramref name="beforeId"/>: "load earlier".</summary>
    public async Task<RoomPage> EarlierAsync(Actor actor, int eventId, long beforeId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "enter this room", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PageAsync(db, actor, eventId, beforeId, ct);
    }

    /// <summary>
    /// Posts a message, or a reply (threads are one level deep: a reply to a reply joins its thread). A retry with the
    /// same <paramref name="clientMessageId"/> (after a reconnect) returns the message already posted instead of a copy.
    /// The rules are judged from memory (<see cref="RoomPostCache"/>); the message then waits for the next group commit
    /// (<see cref="RoomPostWriter"/>) and is returned once it is in the database and announced.
    /// </summary>
    public async Task<RoomMessage> PostAsync(Actor actor, int eventId, string? text, long? parentId = null, string? clientMessageId = null,
        CancellationToken ct = default)
    {
        var role = await RequireAsync(actor, eventId, "post in this room", ct);
        text = text?.Trim() ?? "";
        clientMessageId = string.IsNullOrWhiteSpace(clientMessageId) ? null : clientMessageId.Trim();
        new Validator()
            .Required("text", text, "The message", DialogueMessage.TextMax)
            .Length("clientMessageId", clientMessageId, "The client message id", DialogueMessage.ClientIdMax)
            .ThrowIfInvalid();
        var posted = new TaskCompletionSource<RoomMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var retryKey = clientMessageId is null ? null : RoomPostWriter.RetryKey(eventId, actor.UserId!, clientMessageId);
        // A retry sent while the first is still waiting for the database gets the first one's answer.
        if (retryKey is not null && !Writer.InFlight.TryAdd(retryKey, posted.Task)) return await Writer.InFlight[retryKey];
        try
        {
            var post = await PrepareAsync(actor, eventId, role, text, parentId, clientMessageId, posted, ct);
            Writer.Enqueue(post);
        }
        catch (Exception ex)
        {
            posted.TrySetException(ex);
        }
        try
        {
            return await posted.Task;
        }
        finally
        {
            if (retryKey is not null) Writer.InFlight.TryRemove(new KeyValuePair<string, Task<RoomMessage>>(retryKey, posted.Task));
        }
    }

    /// <summary>Judges a post against the room's rules as held in memory and builds its row; nothing is written yet.</summary>
    private async Task<RoomPost> PrepareAsync(Actor actor, int eventId, RoomRole role, string text, long? parentId, string? clientMessageId,
        TaskCompletionSource<RoomMessage> posted, CancellationToken ct)
    {
        var rules = await _cache.RulesAsync(eventId, ct);
        RoomPostCache.RequireMayWrite(rules, actor, role);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await floodGate.TryTakeAsync(eventId, actor.UserId!, now))
            throw new RateLimitedException(string.Format(CultureInfo.InvariantCulture,
                "You are sending messages very fast: at most {0} in {1} seconds. Wait a moment and send again; your text is still there.",
                FloodLimit, FloodWindow.TotalSeconds));
        try
        {
            string? repliedToAuthor = null;
            if (parentId is { } replyTo)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var parent = await db.DialogueMessages.AsNoTracking().Where(m => m.Id == replyTo && m.EventId == eventId)
                    .Select(m => new { m.Id, m.ParentId, m.AuthorId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The message you reply to");
                parentId = parent.ParentId ?? parent.Id;
                repliedToAuthor = parent.AuthorId;
            }
            var people = await _cache.PeopleAsync(eventId, ct);
            var author = people.Find(actor.UserId!) ?? await _cache.PersonAsync(actor.UserId!, ct);
            var mentions = people.Mentions.Find(text);
            var row = new DialogueMessage
            {
                EventId = eventId, ParentId = parentId, AuthorId = actor.UserId!, AuthorName = author.DisplayName, AuthorCity = author.City,
                Text = text, Mentions = string.Join('\n', mentions), ClientMessageId = clientMessageId, SentAt = now,
            };
            var mentioned = mentions.SelectMany(people.IdsOf).Where(id => id != actor.UserId).ToHashSet(StringComparer.Ordinal);
            return new RoomPost(actor, role, row, mentioned, repliedToAuthor, posted);
        }
        catch
        {
            await floodGate.ReturnAsync(eventId, actor.UserId!, now);
            throw;
        }
    }

    /// <summary>
    /// Writes waiting posts, of any room, in one transaction, then announces each in the order written and answers its
    /// sender. The lock and mute are judged again here: a post that waited while a moderator locked the room is refused.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<RoomPost> batch, int attempt = 0)
    {
        var written = new List<RoomPost>(batch.Count);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var retries = await AlreadyPostedAsync(db, batch);
            foreach (var post in batch)
            {
                var row = post.Row;
                if (retries.TryGetValue((row.EventId, row.AuthorId, row.ClientMessageId ?? ""), out var already))
                {
                    await floodGate.ReturnAsync(row.EventId, row.AuthorId, row.SentAt);
                    post.Posted.TrySetResult(ToMessage(already, await CountsAsync(db, [already.Id], CancellationToken.None)));
                    continue;
                }
                try
                {
                    RoomPostCache.RequireMayWrite(await _cache.RulesAsync(row.EventId, CancellationToken.None), post.Actor, post.Role);
                }
                catch (DomainException refused)
                {
                    await floodGate.ReturnAsync(row.EventId, row.AuthorId, row.SentAt);
                    post.Posted.TrySetException(refused);
                    continue;
                }
                await NotifyAsync(db, row.EventId, row.AuthorName, row.Text, post.Mentioned, post.RepliedToAuthor, row.AuthorId, CancellationToken.None);
                written.Add(post);
            }
            if (written.Count > 0) await RoomMessageInserts.SaveAsync(db, written.ConvertAll(p => p.Row));
        }
        catch (DbUpdateException ex) when (ex.IsBusy() && attempt < BusyRetries)
        {
            // Another writer held the database past the wait (a loaded machine): nothing was written, so the
            // batch simply goes again.
            await WriteAsync([.. batch.Where(p => !p.Posted.Task.IsCompleted)], attempt + 1);
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One post's failure (another process wrote the same retry, the database was busy) must not take the others
            // with it: each is tried again on its own.
            foreach (var post in batch.Where(p => !p.Posted.Task.IsCompleted)) await WriteAsync([post]);
            return;
        }
        catch (Exception ex)
        {
            await FailAsync(batch[0], ex);
            return;
        }
        foreach (var post in written) await AnnounceAsync(post);
    }

    private async Task FailAsync(RoomPost post, Exception ex)
    {
        var row = post.Row;
        await floodGate.ReturnAsync(row.EventId, row.AuthorId, row.SentAt);
        if (row.ClientMessageId is not null && ex is DbUpdateException)
        {
            // The unique index refused a retry that another process wrote first: that one is the answer.
            await using var db = await dbFactory.CreateDbContextAsync();
            if ((await AlreadyPostedAsync(db, [post])).Values.FirstOrDefault() is { } already)
            {
                post.Posted.TrySetResult(ToMessage(already, await CountsAsync(db, [already.Id], CancellationToken.None)));
                return;
            }
        }
        post.Posted.TrySetException(ex);
    }

    private async Task AnnounceAsync(RoomPost post)
    {
        var message = ToMessage(post.Row, NoCounts);
        try
        {
            await notifier.PublishAsync(DialogueAccess.TopicOf(post.Row.EventId), post.Row.AuthorId, new MessagePosted(message));
        }
        finally
        {
            // Saved is posted: a follower that missed the announcement sees the gap in the numbers and reloads.
            post.Posted.TrySetResult(message);
        }
    }

    /// <summary>Messages already in the database under a waiting post's client id and author: retries after a reconnect.</summary>
    private static async Task<Dictionary<(int, string, string), DialogueMessage>> AlreadyPostedAsync(HrcDbContext db, IReadOnlyList<RoomPost> batch)
    {
        var clientIds = batch.Select(p => p.Row.ClientMessageId).OfType<string>().Distinct().ToList();
        if (clientIds.Count == 0) return [];
        var rows = await db.DialogueMessages.AsNoTracking().Where(m => m.ClientMessageId != null && clientIds.Contains(m.ClientMessageId)).ToListAsync();
        var wanted = batch.Where(p => p.Row.ClientMessageId is not null).Select(p => (p.Row.EventId, p.Row.AuthorId, p.Row.ClientMessageId!)).ToHashSet();
        return rows.Where(m => wanted.Contains((m.EventId, m.AuthorId, m.ClientMessageId!)))
            .ToDictionary(m => (m.EventId, m.AuthorId, m.ClientMessageId!));
    }

    /// <summary>
    /// Tells the people named in a message, and the author of the message it answers, in the same save as the message:
    /// a mention is worth an email by default, a reply only the bell (each person's channels decide).
    /// </summary>
    private async Task NotifyAsync(HrcDbContext db, int eventId, string authorName, string text, IReadOnlySet<string> mentioned,
        string? repliedToAuthor, string authorId, CancellationToken ct)
    {
        if (mentioned.Count == 0 && (repliedToAuthor is null || repliedToAuthor == authorId)) return;
        var title = await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).FirstAsync(ct);
        var link = $"/events/{eventId}/room";
        var excerpt = text.Length > 200 ? text[..199] + "…" : text;
        foreach (var userId in mentioned) await TellAsync(userId, NotificationKind.RoomMention, DialogueEmails.Text("Mentioned", authorName, title));
        if (repliedToAuthor is not null && repliedToAuthor != authorId && !mentioned.Contains(repliedToAuthor))
            await TellAsync(repliedToAuthor, NotificationKind.RoomReply, DialogueEmails.Text("Replied", authorName, title));

        Task TellAsync(string userId, NotificationKind kind, string line) =>
            db.NotifyAsync(clock, new Notice(userId, kind, line, link),
                new NoticeEmail(line, $"{line}:\n\n{excerpt}\n\n{email.Value.PublicBaseUrl.TrimEnd('/')}{link}\n", null, "events"), ct);
    }

    /// <summary>Adds or takes back the person's reaction. Adding one that is already there (a second tab) changes nothing.</summary>
    public async Task<int> ReactAsync(Actor actor, int eventId, long messageId, string reaction, bool on, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "react in this room", ct);
        if (!RoomReactions.IsKnown(reaction)) throw new ValidationFailedException("reaction", "Choose one of the room's reactions.");
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.DialogueMessages.AnyAsync(m => m.Id == messageId && m.EventId == eventId && !m.IsRemoved, ct))
                throw new NotFoundException("The message");
            bool changed;
            if (on)
            {
                db.DialogueReactions.Add(new DialogueReaction { MessageId = messageId, UserId = actor.UserId!, Reaction = reaction });
                changed = await SaveUnlessDuplicateAsync(db, ct);
            }
            else
            {
                changed = await db.DialogueReactions.Where(r => r.MessageId == messageId && r.UserId == actor.UserId && r.Reaction == reaction)
                    .ExecuteDeleteAsync(ct) > 0;
            }
            var count = await db.DialogueReactions.CountAsync(r => r.MessageId == messageId && r.Reaction == reaction, ct);
            if (changed)
                await notifier.PublishAsync(DialogueAccess.TopicOf(eventId), actor.UserId, new ReactionToggled(messageId, reaction, actor.UserId!, on, count));
            return count;
        });
    }

    /// <summary>
    /// Moves the person's unread marker forward to <paramref name="messageId"/>; never back. CASE rather than SQLite's
    /// two-argument max() or PostgreSQL's GREATEST, so one statement serves both.
    /// </summary>
    public async Task MarkReadAsync(Actor actor, int eventId, long messageId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "enter this room", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "DialogueReadMarks" ("EventId", "UserId", "LastReadMessageId") VALUES ({eventId}, {actor.UserId}, {messageId})
            ON CONFLICT ("EventId", "UserId") DO UPDATE SET "LastReadMessageId" = CASE
                WHEN excluded."LastReadMessageId" > "DialogueReadMarks"."LastReadMessageId" THEN excluded."LastReadMessageId"
                ELSE "DialogueReadMarks"."LastReadMessageId" END
            """, ct);
    }

    public async Task<HandsChanged> RaiseHandAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "raise a hand in this room", ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.City }).FirstAsync(ct);
            db.DialogueHands.Add(new DialogueHand { EventId = eventId, UserId = actor.UserId!, Name = me.DisplayName, City = me.City, RaisedAt = clock.GetUtcNow().UtcDateTime });
            var changed = await SaveUnlessDuplicateAsync(db, ct);
            return await HandsChangedAsync(db, actor, eventId, publish: changed, ct);
        });
    }

    public async Task<HandsChanged> LowerHandAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "lower a hand in this room", ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var changed = await db.DialogueHands.Where(h => h.EventId == eventId && h.UserId == actor.UserId).ExecuteDeleteAsync(ct) > 0;
            return await HandsChangedAsync(db, actor, eventId, publish: changed, ct);
        });
    }

    /// <summary>The moderator gives the floor to the first raised hand; it leaves the queue.</summary>
    public async Task<HandsChanged> GiveFloorAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await RequireModeratorAsync(actor, eventId, "give the floor", ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var next = await db.DialogueHands.Where(h => h.EventId == eventId).OrderBy(h => h.RaisedAt).ThenBy(h => h.UserId).FirstOrDefaultAsync(ct)
                ?? throw new ConflictException("Nobody has a hand raised.");
            var room = await RoomAsync(db, eventId, ct);
            room.FloorUserId = next.UserId;
            room.FloorName = next.Name;
            room.FloorCity = next.City;
            db.DialogueHands.Remove(next);
            await db.SaveChangesAsync(ct);
            return await HandsChangedAsync(db, actor, eventId, publish: true, ct);
        });
    }

    /// <summary>Puts a question to the panel. Anonymous: no participant ever sees who asked, and the change names no actor.</summary>
    public async Task<RoomQuestion> AskAsync(Actor actor, int eventId, string? text, bool anonymous, CancellationToken ct = default)
    {
        var role = await RequireAsync(actor, eventId, "ask in this room", ct);
        text = text?.Trim() ?? "";
        new Validator().Required("question", text, "The question", DialogueQuestion.TextMax).ThrowIfInvalid();
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            RoomPostCache.RequireMayWrite(await _cache.RulesAsync(eventId, ct), actor, role);
            var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.DisplayName, u.City }).FirstAsync(ct);
            var row = new DialogueQuestion
            {
                EventId = eventId, AuthorId = actor.UserId!, AuthorName = me.DisplayName, AuthorCity = me.City, IsAnonymous = anonymous, Text = text,
                AskedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.DialogueQuestions.Add(row);
            await db.SaveChangesAsync(ct);
            var question = ToQuestion(row);
            await notifier.PublishAsync(DialogueAccess.TopicOf(eventId), anonymous ? null : actor.UserId, new QuestionAsked(question));
            return question;
        });
    }

    /// <summary>One upvote per person and question, decided by the database: a second one (another tab at the same moment) is not counted.</summary>
    public async Task<RoomQuestion> UpvoteAsync(Actor actor, int eventId, int questionId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "vote in this room", ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.BeginImmediateTransactionAsync(ct);
            var question = await db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct)
                ?? throw new NotFoundException("The question");
            db.DialogueQuestionVotes.Add(new DialogueQuestionVote { QuestionId = questionId, UserId = actor.UserId! });
            var counted = await SaveUnlessDuplicateAsync(db, ct);
            if (counted)
            {
                question.Votes = await db.DialogueQuestionVotes.CountAsync(v => v.QuestionId == questionId, ct);
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            var view = ToQuestion(question);
            if (counted) await notifier.PublishAsync(DialogueAccess.TopicOf(eventId), actor.UserId, new QuestionUpdated(view));
            return view;
        });
    }

    /// <summary>Highlights the question for everyone (one at a time), or takes the highlight away when it already has it.</summary>
    public Task<RoomSettings> HighlightAsync(Actor actor, int eventId, int questionId, CancellationToken ct = default) =>
        ModerateAsync(actor, eventId, "highlight questions", async (db, room) =>
        {
            if (!await db.DialogueQuestions.AnyAsync(q => q.Id == questionId && q.EventId == eventId, ct)) throw new NotFoundException("The question");
            room.HighlightedQuestionId = room.HighlightedQuestionId == questionId ? null : questionId;
        }, ct);

    /// <summary>Marks the question answered; it loses the highlight if it had it.</summary>
    public async Task<RoomQuestion> MarkAnsweredAsync(Actor actor, int eventId, int questionId, CancellationToken ct = default)
    {
        await RequireModeratorAsync(actor, eventId, "mark questions answered", ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var question = await db.DialogueQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct)
                ?? throw new NotFoundException("The question");
            question.IsAnswered = true;
            var room = await RoomAsync(db, eventId, ct);
            var wasHighlighted = room.HighlightedQuestionId == questionId;
            if (wasHighlighted) room.HighlightedQuestionId = null;
            await db.SaveChangesAsync(ct);
            var topic = DialogueAccess.TopicOf(eventId);
            var view = ToQuestion(question);
            await notifier.PublishAsync(topic, actor.UserId, new QuestionUpdated(view));
            if (wasHighlighted) await notifier.PublishAsync(topic, actor.UserId, new SettingsChanged(await SettingsAsync(db, room, ct)));
            return view;
        });
    }

    /// <summary>Pins a message above the chat for everyone, or unpins with null.</summary>
    public Task<RoomSettings> PinAsync(Actor actor, int eventId, long? messageId, CancellationToken ct = default) =>
        ModerateAsync(actor, eventId, "pin messages", async (db, room) =>
        {
            if (messageId is { } id && !await db.DialogueMessages.AnyAsync(m => m.Id == id && m.EventId == eventId && !m.IsRemoved, ct))
                throw new NotFoundException("The message");
            room.PinnedMessageId = messageId;
        }, ct);

    /// <summary>Removes a message's text for good; its place stays, shown as removed, so replies still make sense.</summary>
    public async Task RemoveMessageAsync(Actor actor, int eventId, long messageId, CancellationToken ct = default)
    {
        await RequireModeratorAsync(actor, eventId, "delete messages", ct);
        await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var message = await db.DialogueMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.EventId == eventId, ct)
                ?? throw new NotFoundException("The message");
            if (message.IsRemoved) return true;
            message.IsRemoved = true;
            message.Text = "";
            message.Mentions = "";
            var room = await RoomAsync(db, eventId, ct);
            var wasPinned = room.PinnedMessageId == messageId;
            if (wasPinned) room.PinnedMessageId = null;
            await db.DialogueReactions.Where(r => r.MessageId == messageId).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            var topic = DialogueAccess.TopicOf(eventId);
            await notifier.PublishAsync(topic, actor.UserId, new MessageRemoved(messageId));
            if (wasPinned) await notifier.PublishAsync(topic, actor.UserId, new SettingsChanged(await SettingsAsync(db, room, ct)));
            return true;
        });
    }

    /// <summary>A muted participant still reads, reacts and raises a hand, but cannot post messages or questions.</summary>
    public Task<RoomSettings> SetMutedAsync(Actor actor, int eventId, string userId, bool muted, CancellationToken ct = default) =>
        ModerateAsync(actor, eventId, "mute participants", async (db, _) =>
        {
            var present = await db.DialogueMutes.FirstOrDefaultAsync(m => m.EventId == eventId && m.UserId == userId, ct);
            if (muted && present is null)
            {
                // A former member's kept message names no account: there is nobody left to mute.
                if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new NotFoundException("The participant");
                db.DialogueMutes.Add(new DialogueMute { EventId = eventId, UserId = userId });
            }
            if (!muted && present is not null) db.DialogueMutes.Remove(present);
        }, ct);

    /// <summary>In a locked room only moderators post messages or questions.</summary>
    public Task<RoomSettings> SetLockedAsync(Actor actor, int eventId, bool locked, CancellationToken ct = default) =>
        ModerateAsync(actor, eventId, "lock the room", (_, room) =>
        {
            room.IsLocked = locked;
            return Task.CompletedTask;
        }, ct);

    public async Task SaveMinutesAsync(Actor actor, int eventId, string? minutes, CancellationToken ct = default)
    {
        await RequireModeratorAsync(actor, eventId, "write the minutes", ct);
        new Validator().Length("minutes", minutes, "The minutes", DialogueRoom.MinutesMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var room = await RoomAsync(db, eventId, ct);
        room.Minutes = string.IsNullOrWhiteSpace(minutes) ? null : minutes;
        room.MinutesUpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The minutes, for those who may enter the room; null for everyone else, or when there are none yet.</summary>
    public async Task<RoomMinutes?> MinutesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        if (await access.RoleAsync(actor, eventId, ct) < RoomRole.Participant) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var room = await db.DialogueRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.Minutes != null, ct);
        return room is null ? null : new RoomMinutes(room.Minutes!, Markdown.ToHtml(room.Minutes), Utc(room.MinutesUpdatedAt ?? default));
    }

    /// <summary>The whole conversation as Markdown, oldest first, with the audience questions; removed messages stay removed.</summary>
    public async Task<string> TranscriptAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await RequireAsync(actor, eventId, "read this room's transcript", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var title = await db.CommunityEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).FirstAsync(ct);
        var text = new StringBuilder().Append("# Transcript: ").AppendLine(title).AppendLine();
        await foreach (var m in db.DialogueMessages.AsNoTracking().Where(m => m.EventId == eventId).OrderBy(m => m.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{m.AuthorName}** ({m.AuthorCity}), {m.SentAt:yyyy-MM-dd HH:mm} UTC");
            if (m.ParentId is { } parent) text.Append(CultureInfo.InvariantCulture, $", reply to #{parent}");
            text.Append(CultureInfo.InvariantCulture, $" #{m.Id}: ");
            text.AppendLine(m.IsRemoved ? "*(removed by a moderator)*" : m.Text.ReplaceLineEndings(" "));
        }
        var questions = await db.DialogueQuestions.AsNoTracking().Where(q => q.EventId == eventId).ToListAsync(ct);
        if (questions.Count > 0)
        {
            text.AppendLine().AppendLine("## Audience questions").AppendLine();
            foreach (var q in Sorted(questions.Select(ToQuestion)))
                text.Append(CultureInfo.InvariantCulture, $"- {q.Text.ReplaceLineEndings(" ")} ({q.Votes} votes, {(q.AuthorName is null ? "anonymous" : q.AuthorName)}")
                    .AppendLine(q.IsAnswered ? ", answered)" : ")");
        }
        return text.ToString();
    }

    private async Task<RoomRole> RequireAsync(Actor actor, int eventId, string what, CancellationToken ct)
    {
        var role = await access.RoleAsync(actor, eventId, ct);
        if (role == RoomRole.NoRoom) throw new NotFoundException("The room");
        actor.Require(role >= RoomRole.Participant, what);
        return role;
    }

    private async Task RequireModeratorAsync(Actor actor, int eventId, string what, CancellationToken ct) =>
        actor.Require(await RequireAsync(actor, eventId, what, ct) == RoomRole.Moderator, what);

    private async Task<RoomSettings> ModerateAsync(Actor actor, int eventId, string what, Func<HrcDbContext, DialogueRoom, Task> change, CancellationToken ct)
    {
        await RequireModeratorAsync(actor, eventId, what, ct);
        return await GatedAsync(eventId, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var room = await RoomAsync(db, eventId, ct);
            await change(db, room);
            await db.SaveChangesAsync(ct);
            _cache.Forget(eventId);
            var settings = await SettingsAsync(db, room, ct);
            await notifier.PublishAsync(DialogueAccess.TopicOf(eventId), actor.UserId, new SettingsChanged(settings));
            return settings;
        });
    }

    private async Task<T> GatedAsync<T>(int eventId, Func<Task<T>> change)
    {
        var gate = _gates.GetOrAdd(eventId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            return await change();
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<DialogueRoom> RoomAsync(HrcDbContext db, int eventId, CancellationToken ct)
    {
        var room = await db.DialogueRooms.FirstOrDefaultAsync(r => r.EventId == eventId, ct);
        if (room is null) db.DialogueRooms.Add(room = new DialogueRoom { EventId = eventId });
        return room;
    }

    private async Task<HandsChanged> HandsChangedAsync(HrcDbContext db, Actor actor, int eventId, bool publish, CancellationToken ct)
    {
        var room = await db.DialogueRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId, ct);
        var hands = new HandsChanged(await HandsAsync(db, eventId, ct), room is null ? null : Floor(room));
        if (publish) await notifier.PublishAsync(DialogueAccess.TopicOf(eventId), actor.UserId, hands);
        return hands;
    }

    private static async Task<IReadOnlyList<RoomHand>> HandsAsync(HrcDbContext db, int eventId, CancellationToken ct) =>
        (await db.DialogueHands.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.RaisedAt).ThenBy(h => h.UserId).ToListAsync(ct))
            .Select(h => new RoomHand(h.UserId, h.Name, h.City, Utc(h.RaisedAt))).ToList();

    private static RoomHand? Floor(DialogueRoom room) =>
        room.FloorUserId is null ? null : new RoomHand(room.FloorUserId, room.FloorName ?? "", room.FloorCity ?? "", default);

    private static async Task<RoomSettings> SettingsAsync(HrcDbContext db, DialogueRoom room, CancellationToken ct)
    {
        RoomMessage? pinned = null;
        if (room.PinnedMessageId is { } id && await db.DialogueMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } row)
            pinned = ToMessage(row, await CountsAsync(db, [id], ct));
        var muted = await db.DialogueMutes.AsNoTracking().Where(m => m.EventId == room.EventId).Select(m => m.UserId).ToListAsync(ct);
        return new RoomSettings(room.IsLocked, pinned, room.HighlightedQuestionId, muted);
    }

    private static async Task<RoomPage> PageAsync(HrcDbContext db, Actor actor, int eventId, long? beforeId, CancellationToken ct)
    {
        var rows = await db.DialogueMessages.AsNoTracking()
            .Where(m => m.EventId == eventId && (beforeId == null || m.Id < beforeId))
            .OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(ct);
        var hasEarlier = rows.Count > PageSize;
        rows = rows.Take(PageSize).OrderBy(m => m.Id).ToList();
        var ids = rows.Select(m => m.Id).ToList();
        var counts = await CountsAsync(db, ids, ct);
        var mine = await db.DialogueReactions.AsNoTracking().Where(r => ids.Contains(r.MessageId) && r.UserId == actor.UserId)
            .Select(r => new { r.MessageId, r.Reaction }).ToListAsync(ct);
        return new RoomPage(rows.Select(m => ToMessage(m, counts)).ToList(), hasEarlier,
            mine.Select(r => ReactionKey(r.MessageId, r.Reaction)).ToHashSet(StringComparer.Ordinal));
    }

    public static string ReactionKey(long messageId, string reaction) => $"{messageId.ToString(CultureInfo.InvariantCulture)}:{reaction}";

    private static async Task<ILookup<long, ReactionCount>> CountsAsync(HrcDbContext db, List<long> ids, CancellationToken ct) =>
        (await db.DialogueReactions.AsNoTracking().Where(r => ids.Contains(r.MessageId))
            .GroupBy(r => new { r.MessageId, r.Reaction }).Select(g => new { g.Key.MessageId, g.Key.Reaction, Count = g.Count() }).ToListAsync(ct))
        .ToLookup(g => g.MessageId, g => new ReactionCount(g.Reaction, g.Count));

    private static RoomMessage ToMessage(DialogueMessage m, ILookup<long, ReactionCount> counts)
    {
        IReadOnlyList<string> mentions = m.Mentions.Length == 0 ? [] : m.Mentions.Split('\n');
        return new RoomMessage(m.Id, m.ParentId, m.AuthorId, m.AuthorName, m.AuthorCity, m.Text, m.IsRemoved ? "" : RoomText.ToHtml(m.Text, mentions),
            mentions, Utc(m.SentAt), m.ClientMessageId, m.IsRemoved,
            counts[m.Id].OrderBy(c => ReactionOrder(c.Reaction)).ToList());
    }

    private static int ReactionOrder(string code) => RoomReactions.All.Select(r => r.Code).ToList().IndexOf(code);

    private static RoomQuestion ToQuestion(DialogueQuestion q) =>
        new(q.Id, q.IsAnonymous ? null : q.AuthorName, q.IsAnonymous ? null : q.AuthorCity, q.Text, q.Votes, q.IsAnswered, Utc(q.AskedAt));

    /// <summary>Open questions first, most votes first, older first among equals.</summary>
    public static IReadOnlyList<RoomQuestion> Sorted(IEnumerable<RoomQuestion> questions) =>
        questions.OrderBy(q => q.IsAnswered).ThenByDescending(q => q.Votes).ThenBy(q => q.AskedAt).ThenBy(q => q.Id).ToList();

    /// <returns>False when a unique index refused the row: it is there already (another tab, a double click).</returns>
    private static async Task<bool> SaveUnlessDuplicateAsync(HrcDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
