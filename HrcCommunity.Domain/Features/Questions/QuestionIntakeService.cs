using System.Security.Cryptography;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Themes;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Questions;

public sealed record QuestionSubmission(
    string Title,
    string Body,
    string Topic,
    IReadOnlyList<string> Themes,
    string? Name,
    string? Place,
    string Email,
    bool MayPublish,
    bool AnonymousToExperts,
    /// <summary>The honeypot field: people never see it, so anything in it comes from a bot.</summary>
    string? Website);

/// <summary>
/// What the asker learns: the private status link's token (shown once), and whether the email address is already
/// confirmed (then the link is emailed too) or a confirmation link went there first.
/// </summary>
public sealed record QuestionReceipt(int QuestionId, string StatusToken, bool EmailConfirmed);

/// <summary>What the asker sees; <see cref="QuestionId"/> is never shown, only used to follow the question's live topic.</summary>
public sealed record QuestionStatusView(
    string Title, string Body, string TopicLabel, QuestionState State, DateTime AskedAt,
    DateTime? AnsweredAt, string? AnswerHtml, IReadOnlyList<string> Links, string? PublicUrl, int QuestionId);

/// <summary>
/// Asking a question and following it through the private status link. Nothing the asker wrote is emailed to the
/// address they gave until they confirm it: the first message only asks "was this you?", so the form cannot be used to
/// send text to someone else. Subjects never carry anything the asker wrote.
/// </summary>
public sealed class QuestionIntakeService(
    IDbContextFactory<HrcDbContext> dbFactory,
    ILiveNotifier<QuestionChanged> notifier,
    IOptions<QuestionsOptions> options,
    StatusLinks statusLinks,
    KeyedHashes hashes,
    TimeProvider clock)
{
    public async Task<QuestionReceipt> AskAsync(Actor actor, QuestionSubmission input, string? clientAddress, CancellationToken ct = default)
    {
        var title = SingleLine.Clean(input.Title);
        var name = SingleLine.Clean(input.Name);
        var place = SingleLine.Clean(input.Place);
        // A filled honeypot is refused with the same words as any other bad input, so bots learn nothing.
        var validator = new Validator()
            .Check(string.IsNullOrEmpty(input.Website), "website", "Your question could not be accepted. Please leave the last field empty.")
            .Required("title", title, "The title", Question.TitleMax)
            .Length("title", title, "The title", Question.TitleMax, minLength: 10)
            .Required("body", input.Body, "The question", Question.BodyMax)
            .Length("body", input.Body, "The question", Question.BodyMax, minLength: 20)
            .Check(QuestionTopics.IsKnown(input.Topic), "topic", "Choose a topic from the list.")
            .Check(input.Themes.Count <= 5, "themes", "Choose at most five themes.")
            .Themes("themes", input.Themes)
            .Length("name", name, "Your name", Question.NameMax)
            .Length("place", place, "City or organisation", Question.PlaceMax)
            .Email("email", input.Email, "Email", required: true);
        validator.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var email = input.Email.Trim();
        var emailHash = hashes.Of(email.ToLowerInvariant());
        var ipHash = hashes.Of(ClientAddress.Bucket(clientAddress));
        var since = now - options.Value.RateWindow;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Counted and inserted inside one write transaction: parallel posts queue at its start, so none slips past a limit.
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var fromEmail = await db.Questions.CountAsync(q => q.EmailHash == emailHash && q.AskedAt > since, ct);
        if (fromEmail >= options.Value.MaxPerEmail)
            throw new RateLimitedException($"You have already sent {fromEmail} questions from this email address recently. Please wait a while before asking another one; the experts will answer the ones you sent.");
        var fromAddress = await db.Questions.CountAsync(q => q.IpHash == ipHash && q.AskedAt > since, ct);
        if (fromAddress >= options.Value.MaxPerAddress)
            throw new RateLimitedException("Many questions have come from your network recently. Please wait a while before asking another one.");
        // A signed-in asker who gives their own confirmed account address has nothing left to prove.
        var confirmed = actor.UserId is { } userId && await db.Users.AnyAsync(u =>
            u.Id == userId && u.EmailConfirmed && u.NormalizedEmail == email.ToUpperInvariant(), ct);

        var (salt, token) = statusLinks.Create();
        var question = new Question
        {
            Title = title!,
            Body = input.Body.Trim(),
            Topic = input.Topic,
            Themes = string.Join(' ', input.Themes.Distinct()),
            AskerName = name ?? "",
            AskerPlace = place ?? "",
            AskerEmail = email,
            AskerUserId = actor.UserId,
            AnonymousToExperts = input.AnonymousToExperts,
            MayPublish = input.MayPublish,
            StatusSalt = salt,
            StatusTokenHash = StatusLinks.Hash(token),
            EmailHash = emailHash,
            IpHash = ipHash,
            State = QuestionState.New,
            AskedAt = now,
            UpdatedAt = now,
        };
        var asker = actor.IsAuthenticated ? actor.DisplayName : "Visitor";
        question.Log.Add(QuestionLog.Entry(0, QuestionAction.Ask, QuestionState.New, QuestionState.New, actor.UserId ?? "", asker, "", now));
        db.Questions.Add(question);
        if (confirmed)
        {
            question.Log.Add(QuestionLog.Entry(0, QuestionAction.ConfirmEmail, QuestionState.New, QuestionState.New,
                actor.UserId!, asker, "Signed in with this confirmed address", now));
            EnqueueStatusLink(db, question, token);
        }
        else
        {
            await db.SaveChangesAsync(ct);
            db.Enqueue(clock, email, QuestionEmails.Text("ConfirmSubject"),
                QuestionEmails.Text("ConfirmText", statusLinks.ConfirmationUrlFor(question.Id, salt)), "questions/confirm");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await notifier.PublishAsync(QuestionChanged.QueueTopic, actor.UserId, new QuestionChanged(question.Id, question.State, QuestionAction.Ask));
        return new QuestionReceipt(question.Id, token, confirmed);
    }

    /// <summary>
    /// The asker opened the link from the confirmation email: the address is theirs, so the status link goes there now.
    /// Confirming again changes nothing and sends nothing.
    /// </summary>
    public async Task ConfirmEmailAsync(int questionId, string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One write at a time: two clicks on the link send one email.
        await using var transaction = await db.BeginImmediateTransactionAsync(ct);
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct);
        if (question is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(statusLinks.ConfirmationCodeFor(question.StatusSalt)), Encoding.ASCII.GetBytes(code ?? "")))
            throw new ValidationFailedException("code", "This confirmation link is not valid. Copy the whole link from the email, or ask your question again.");
        if (await IsEmailConfirmedAsync(db, questionId, ct)) return;

        var now = clock.GetUtcNow().UtcDateTime;
        db.QuestionLog.Add(QuestionLog.Entry(questionId, QuestionAction.ConfirmEmail, question.State, question.State, "", "Asker", "", now));
        EnqueueStatusLink(db, question, statusLinks.TokenFor(question.StatusSalt));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Whether the asker confirmed the address: until then nothing about the question is emailed there.</summary>
    internal static Task<bool> IsEmailConfirmedAsync(HrcDbContext db, int questionId, CancellationToken ct) =>
        db.QuestionLog.AnyAsync(l => l.QuestionId == questionId && l.Action == QuestionAction.ConfirmEmail, ct);

    private void EnqueueStatusLink(HrcDbContext db, Question question, string token) =>
        db.Enqueue(clock, question.AskerEmail, QuestionEmails.Text("ReceivedSubject"),
            QuestionEmails.Text("ReceivedText", QuestionEmails.Greeting(question.AskerName), statusLinks.UrlFor(token),
                QuestionEmails.Text(question.MayPublish ? "ReceivedMayPublish" : "ReceivedPrivate")), "questions/received");

    public async Task<QuestionStatusView> GetStatusAsync(string token, CancellationToken ct = default)
    {
        var hash = StatusLinks.Hash(token ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.StatusTokenHash == hash, ct)
            ?? throw new NotFoundException("The question");
        var answered = q.AnsweredAt is not null;
        return new QuestionStatusView(q.Title, q.Body, QuestionTopics.LabelOf(q.Topic), q.State, q.AskedAt, q.AnsweredAt,
            answered ? Markdown.ToHtml(q.Answer) : null,
            answered ? AnswerLinks.Parse(q.AnswerLinks) : [],
            q.State == QuestionState.Published ? $"/answers/{q.Slug}" : null, q.Id);
    }
}
