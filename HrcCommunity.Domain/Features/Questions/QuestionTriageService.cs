using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>The experts' side: the queue, claiming, notes, the answer draft and sending it.</summary>
public sealed class QuestionTriageService(
    IDbContextFactory<HrcDbContext> dbFactory,
    ILiveNotifier<QuestionChanged> notifier,
    StatusLinks statusLinks,
    TimeProvider clock)
{
    /// <summary>Oldest question first unless sorted by asked, title, topic, state or holder (<see cref="ListRequest.Sort"/>).</summary>
    public async Task<ListPage<QueueItem>> ListQueueAsync(Actor actor, QueueFilter filter, ListRequest? request = null, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "see the experts' question queue");
        request ??= new ListRequest();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Questions.AsNoTracking();
        if (filter.State is { } state) query = query.Where(q => q.State == state);
        if (!string.IsNullOrEmpty(filter.Topic)) query = query.Where(q => q.Topic == filter.Topic);
        if (filter.Mine) query = query.Where(q => q.HolderId == actor.UserId);
        IOrderedQueryable<Question> sorted = (request.SortOr("asked", "asked", "title", "topic", "state", "holder"), request.Descending) switch
        {
            ("title", false) => query.OrderBy(q => q.Title),
            ("title", true) => query.OrderByDescending(q => q.Title),
            ("topic", false) => query.OrderBy(q => q.Topic).ThenBy(q => q.AskedAt),
            ("topic", true) => query.OrderByDescending(q => q.Topic).ThenBy(q => q.AskedAt),
            ("state", false) => query.OrderBy(q => q.State).ThenBy(q => q.AskedAt),
            ("state", true) => query.OrderByDescending(q => q.State).ThenBy(q => q.AskedAt),
            ("holder", false) => query.OrderBy(q => q.HolderName).ThenBy(q => q.AskedAt),
            ("holder", true) => query.OrderByDescending(q => q.HolderName).ThenBy(q => q.AskedAt),
            (_, true) => query.OrderByDescending(q => q.AskedAt),
            _ => query.OrderBy(q => q.AskedAt),
        };
        var rows = await sorted.ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Title, q.Topic, q.State, q.AskedAt, q.HolderId, q.HolderName })
            .ToListPageAsync(request, ct);
        return rows.Map(q => new QueueItem(q.Id, q.Title, q.Topic, QuestionTopics.LabelOf(q.Topic), q.State, q.AskedAt, q.HolderId, q.HolderName));
    }

    public async Task<QuestionDetail> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "read questions in the experts' queue");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().Include(x => x.Notes).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("The question");
        var log = actor.CanCoordinate
            ? await db.QuestionLog.AsNoTracking().Where(l => l.QuestionId == id).OrderBy(l => l.At).ThenBy(l => l.Id)
                .Select(l => new LogView(l.QuestionId, q.Title, l.Action, l.FromState, l.ToState, l.ActorName, l.Detail, l.At)).ToListAsync(ct)
            : [];
        // Full anonymity is enforced here: the asker's fields never leave Domain for the experts.
        var asker = q.AnonymousToExperts ? null : new AskerView(q.AskerName, q.AskerEmail, q.AskerPlace);
        return new QuestionDetail(q.Id, q.Title, q.Body, q.Topic, QuestionTopics.LabelOf(q.Topic),
            q.Themes.Split(' ', StringSplitOptions.RemoveEmptyEntries), q.State, q.AskedAt, q.HolderId, q.HolderName, asker, q.MayPublish,
            q.Answer, q.AnswerSummary, q.AnswerLinks, q.AnsweredByName, q.Slug, q.Version,
            q.Notes.OrderBy(n => n.CreatedAt).Select(n => new NoteView(n.AuthorName, n.Text, n.CreatedAt)).ToList(), log);
    }

    /// <summary>
    /// Claims a new question. The state test inside the UPDATE decides a race in the database:
    /// of two experts clicking at once exactly one row changes, and the other is told who holds it.
    /// </summary>
    public async Task ClaimAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "claim questions");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Questions
            .Where(q => q.Id == id && q.State == QuestionState.New && q.HolderId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.State, QuestionState.Claimed)
                .SetProperty(q => q.HolderId, actor.UserId)
                .SetProperty(q => q.HolderName, actor.DisplayName)
                .SetProperty(q => q.FirstClaimedAt, q => q.FirstClaimedAt ?? now)
                .SetProperty(q => q.UpdatedAt, now)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);
        if (changed == 0)
        {
            var current = await db.Questions.AsNoTracking().Where(q => q.Id == id)
                .Select(q => new { q.State, q.HolderName }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The question");
            if (current.HolderName is not null)
                throw new ConflictException($"{current.HolderName} has already claimed this question.");
            QuestionRules.Next(current.State, QuestionAction.Claim);
        }
        db.QuestionLog.Add(QuestionLog.Entry(id, QuestionAction.Claim, QuestionState.New, QuestionState.Claimed, actor.UserId!, actor.DisplayName, "", now));
        await NotifyOfStateAsync(db, actor, await db.Questions.AsNoTracking().FirstAsync(q => q.Id == id, ct), ct);
        await db.SaveChangesAsync(ct);
        var statusTokenHash = await db.Questions.Where(q => q.Id == id).Select(q => q.StatusTokenHash).FirstAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, statusTokenHash, new QuestionChanged(id, QuestionState.Claimed, QuestionAction.Claim, actor.UserId, actor.DisplayName));
    }

    public Task ReleaseAsync(Actor actor, int id, CancellationToken ct = default) =>
        TransitionAsync(actor, id, QuestionAction.Release, null, (q, _) =>
        {
            RequireHolderOrCoordinator(actor, q, "release a question someone else holds");
            q.HolderId = null;
            q.HolderName = null;
            return Task.FromResult("");
        }, ct);

    public Task ReassignAsync(Actor actor, int id, string expertId, CancellationToken ct = default) =>
        TransitionAsync(actor, id, QuestionAction.Reassign, null, async (q, db) =>
        {
            actor.Require(actor.CanCoordinate, "reassign questions");
            var expert = (await ListExpertsAsync(db, ct)).FirstOrDefault(e => e.Id == expertId)
                ?? throw new ValidationFailedException("expert", "Choose an expert from the list.");
            var detail = q.HolderName is null ? $"to {expert.DisplayName}" : $"from {q.HolderName} to {expert.DisplayName}";
            q.HolderId = expert.Id;
            q.HolderName = expert.DisplayName;
            q.FirstClaimedAt ??= clock.GetUtcNow().UtcDateTime;
            return detail;
        }, ct);

    public Task RejectAsSpamAsync(Actor actor, int id, CancellationToken ct = default) =>
        TransitionAsync(actor, id, QuestionAction.RejectAsSpam, null, (q, _) =>
        {
            if (q.HolderId is not null) RequireHolderOrCoordinator(actor, q, "reject a question someone else holds");
            q.HolderId = null;
            q.HolderName = null;
            return Task.FromResult("");
        }, ct);

    public Task ReopenAsync(Actor actor, int id, CancellationToken ct = default) =>
        TransitionAsync(actor, id, QuestionAction.Reopen, null, (_, _) =>
        {
            actor.Require(actor.CanCoordinate, "reopen a question rejected as spam");
            return Task.FromResult("");
        }, ct);

    /// <summary>Saves the answer draft; a draft saved by someone else since it was loaded is a conflict, not an overwrite.</summary>
    public async Task<int> SaveDraftAsync(Actor actor, int id, AnswerDraft draft, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "edit answers");
        ValidateDraft(draft, requireAnswer: false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("The question");
        RequireHolderOrCoordinator(actor, q, "edit the answer to a question someone else holds");
        if (q.State != QuestionState.Claimed)
            throw new ConflictException($"This question is {QuestionRules.Describe(q.State)}; its answer can no longer be edited.");
        if (q.Version != draft.ExpectedVersion) throw StaleDraft();
        ApplyDraft(q, draft);
        await SaveAsync(db, ct);
        await PublishAsync(actor, q.StatusTokenHash, new QuestionChanged(id, q.State, QuestionAction.Edited, q.HolderId, q.HolderName));
        return q.Version;
    }

    /// <summary>Sends the answer to the asker (through the outbox) and moves the question to answered.</summary>
    public Task SendAnswerAsync(Actor actor, int id, AnswerDraft draft, CancellationToken ct = default)
    {
        ValidateDraft(draft, requireAnswer: true);
        return TransitionAsync(actor, id, QuestionAction.SendAnswer, draft.ExpectedVersion, async (q, db) =>
        {
            RequireHolderOrCoordinator(actor, q, "answer a question someone else holds");
            ApplyDraft(q, draft);
            q.AnsweredAt = clock.GetUtcNow().UtcDateTime;
            q.AnsweredById = actor.UserId;
            q.AnsweredByName = actor.DisplayName;
            // An unconfirmed address gets nothing: the asker reads the answer on the status page, and the link to it
            // is emailed when they confirm.
            if (!await QuestionIntakeService.IsEmailConfirmedAsync(db, q.Id, ct)) return "Not emailed: the asker has not confirmed the address";
            db.Enqueue(clock, q.AskerEmail, QuestionEmails.Text("AnsweredSubject"), AnswerEmail(q), "questions/answered");
            return "";
        }, ct);
    }

    public async Task AddNoteAsync(Actor actor, int id, string text, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "write internal notes");
        new Validator().Required("note", text, "The note", QuestionNote.TextMax).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("The question");
        db.QuestionNotes.Add(new QuestionNote
        {
            QuestionId = q.Id, AuthorId = actor.UserId!, AuthorName = actor.DisplayName, Text = text.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(QuestionChanged.TopicOf(id), actor.UserId, new QuestionChanged(id, q.State, QuestionAction.Edited, q.HolderId, q.HolderName));
    }

    public async Task<IReadOnlyList<ExpertOption>> ListExpertsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "reassign questions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListExpertsAsync(db, ct);
    }

    public async Task<IReadOnlyList<LogView>> ListLogAsync(Actor actor, int take = 200, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "read the moderation log");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuestionLog.AsNoTracking()
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Take(take)
            .Join(db.Questions, l => l.QuestionId, q => q.Id, (l, q) => new LogView(l.QuestionId, q.Title, l.Action, l.FromState, l.ToState, l.ActorName, l.Detail, l.At))
            .ToListAsync(ct);
    }

    internal static async Task<List<ExpertOption>> ListExpertsAsync(HrcDbContext db, CancellationToken ct)
    {
        string[] roles = [Roles.Expert.ToUpperInvariant(), Roles.Coordinator.ToUpperInvariant(), Roles.Admin.ToUpperInvariant()];
        var ids = db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.NormalizedName })
            .Where(x => roles.Contains(x.NormalizedName)).Select(x => x.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.ApprovalStatus == ApprovalStatus.Approved && ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new ExpertOption(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// One state change: load, check the rule and the caller's right, apply, log, save. The Version token
    /// makes a concurrent change (or a stale expected version) a conflict rather than a silent overwrite.
    /// </summary>
    internal async Task TransitionAsync(Actor actor, int id, QuestionAction action, int? expectedVersion,
        Func<Question, HrcDbContext, Task<string>> apply, CancellationToken ct)
    {
        actor.Require(actor.CanTriageQuestions, "work on questions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("The question");
        if (expectedVersion is { } expected && q.Version != expected) throw StaleDraft();
        var from = q.State;
        var to = QuestionRules.Next(from, action);
        var detail = await apply(q, db);
        q.State = to;
        q.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        q.Log.Add(QuestionLog.Entry(q.Id, action, from, to, actor.UserId!, actor.DisplayName, detail, q.UpdatedAt));
        await NotifyOfStateAsync(db, actor, q, ct);
        await SaveAsync(db, ct);
        await PublishAsync(actor, q.StatusTokenHash, new QuestionChanged(id, to, action, q.HolderId, q.HolderName));
    }

    /// <summary>
    /// The bell lines a state change owes, saved with it: the asker when they asked signed in (their emails about the
    /// question are sent regardless, so the bell never doubles them), and the expert holding it when someone else acted.
    /// </summary>
    private async Task NotifyOfStateAsync(HrcDbContext db, Actor actor, Question q, CancellationToken ct)
    {
        var state = EmailTemplates.Text($"QuestionState{q.State}");
        if (q.AskerUserId is { } asker && asker != actor.UserId)
            await db.NotifyAsync(clock, new Notice(asker, NotificationKind.QuestionState, EmailTemplates.Text("QuestionStateAsker", q.Title, state),
                q.State == QuestionState.Published && q.Slug is not null ? $"/answers/{q.Slug}" : NotificationLinks.Inbox), null, ct);
        if (q.HolderId is { } holder && holder != actor.UserId)
            await db.NotifyAsync(clock, new Notice(holder, NotificationKind.QuestionState,
                EmailTemplates.Text("QuestionStateHolder", actor.DisplayName, q.Title, state), $"/experts/questions/{q.Id}"), null, ct);
    }

    internal async Task PublishAsync(Actor actor, string statusTokenHash, QuestionChanged changed)
    {
        await notifier.PublishAsync(QuestionChanged.QueueTopic, actor.UserId, changed);
        await notifier.PublishAsync(QuestionChanged.TopicOf(changed.QuestionId), actor.UserId, changed);
        await notifier.PublishAsync(QuestionChanged.StatusTopic(statusTokenHash), actor.UserId, changed);
    }

    internal static void RequireHolderOrCoordinator(Actor actor, Question q, string what)
    {
        if (q.HolderId != actor.UserId && !actor.CanCoordinate)
            throw q.HolderName is null ? new ForbiddenException(what) : new ConflictException($"{q.HolderName} holds this question; only they or a coordinator can do that.");
    }

    private static async Task SaveAsync(HrcDbContext db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<Question>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StaleDraft();
        }
    }

    private static ConflictException StaleDraft() =>
        new("Someone else changed this question while you were working on it. Reload to see their version, then apply your changes again.");

    private static void ValidateDraft(AnswerDraft draft, bool requireAnswer)
    {
        var validator = new Validator();
        if (requireAnswer)
            validator.Required("answer", draft.Answer, "The answer", Question.AnswerMax)
                .Required("summary", draft.Summary, "The summary", Question.SummaryMax);
        validator.Length("answer", draft.Answer, "The answer", Question.AnswerMax)
            .Length("summary", draft.Summary, "The summary", Question.SummaryMax)
            .Validate("links", draft.Links)
            .ThrowIfInvalid();
    }

    private static void ApplyDraft(Question q, AnswerDraft draft)
    {
        q.Answer = draft.Answer?.Trim() ?? "";
        q.AnswerSummary = draft.Summary?.Trim() ?? "";
        q.AnswerLinks = string.Join('\n', AnswerLinks.Parse(draft.Links));
    }

    private string AnswerEmail(Question q)
    {
        var links = AnswerLinks.Parse(q.AnswerLinks);
        var text = new System.Text.StringBuilder()
            .Append(QuestionEmails.Greeting(q.AskerName)).Append("\n\n")
            .Append(QuestionEmails.Text("AnsweredIntro", q.Title)).Append("\n\n")
            .Append(q.Answer).Append("\n\n");
        if (links.Count > 0)
        {
            text.Append(QuestionEmails.Text("AnsweredFurtherReading")).Append('\n');
            foreach (var link in links) text.Append("- ").Append(link).Append('\n');
            text.Append('\n');
        }
        if (q.StatusSalt.Length > 0)
            text.Append(QuestionEmails.Text("AnsweredStatusLink", statusLinks.UrlFor(statusLinks.TokenFor(q.StatusSalt)))).Append("\n\n");
        return text.Append(QuestionEmails.Text("Signature")).ToString();
    }
}
