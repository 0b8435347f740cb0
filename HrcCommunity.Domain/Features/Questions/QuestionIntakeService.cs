using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Themes;
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

/// <summary>What the asker learns: the private status link's token (shown once, emailed once).</summary>
public sealed record QuestionReceipt(int QuestionId, string StatusToken);

/// <summary>What the asker sees; <see cref="QuestionId"/> is never shown, only used to follow the question's live topic.</summary>
public sealed record QuestionStatusView(
    string Title, string Body, string TopicLabel, QuestionState State, DateTime AskedAt,
    DateTime? AnsweredAt, string? AnswerHtml, IReadOnlyList<string> Links, string? PublicUrl, int QuestionId);

/// <summary>Asking a question and following it through the private status link.</summary>
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
        // A filled honeypot is refused with the same words as any other bad input, so bots learn nothing.
        var validator = new Validator()
            .Check(string.IsNullOrEmpty(input.Website), "website", "Your question could not be accepted. Please leave the last field empty.")
            .Required("title", input.Title, "The title", Question.TitleMax)
            .Length("title", input.Title, "The title", Question.TitleMax, minLength: 10)
            .Required("body", input.Body, "The question", Question.BodyMax)
            .Length("body", input.Body, "The question", Question.BodyMax, minLength: 20)
            .Check(QuestionTopics.IsKnown(input.Topic), "topic", "Choose a topic from the list.")
            .Check(input.Themes.Count <= 5, "themes", "Choose at most five themes.")
            .Themes("themes", input.Themes)
            .Length("name", input.Name, "Your name", Question.NameMax)
            .Length("place", input.Place, "City or organisation", Question.PlaceMax)
            .Email("email", input.Email, "Email", required: true);
        validator.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var emailHash = hashes.Of(input.Email.Trim().ToLowerInvariant());
        var ipHash = hashes.Of(ClientAddress.Bucket(clientAddress));
        var since = now - options.Value.RateWindow;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fromEmail = await db.Questions.CountAsync(q => q.EmailHash == emailHash && q.AskedAt > since, ct);
        if (fromEmail >= options.Value.MaxPerEmail)
            throw new RateLimitedException($"You have already sent {fromEmail} questions from this email address recently. Please wait a while before asking another one; the experts will answer the ones you sent.");
        var fromAddress = await db.Questions.CountAsync(q => q.IpHash == ipHash && q.AskedAt > since, ct);
        if (fromAddress >= options.Value.MaxPerAddress)
            throw new RateLimitedException("Many questions have come from your network recently. Please wait a while before asking another one.");

        var (salt, token) = statusLinks.Create();
        var question = new Question
        {
            Title = input.Title.Trim(),
            Body = input.Body.Trim(),
            Topic = input.Topic,
            Themes = string.Join(' ', input.Themes.Distinct()),
            AskerName = input.Name?.Trim() ?? "",
            AskerPlace = input.Place?.Trim() ?? "",
            AskerEmail = input.Email.Trim(),
            AskerUserId = actor.UserId,
            AnonymousToExperts = input.AnonymousToExperts,
            MayPublish = input.MayPublish,
            StatusSalt = salt,
            StatusTokenHash = Hash(token),
            EmailHash = emailHash,
            IpHash = ipHash,
            State = QuestionState.New,
            AskedAt = now,
            UpdatedAt = now,
        };
        db.Questions.Add(question);
        db.Enqueue(clock, question.AskerEmail, $"We received your question: {question.Title}",
            $"Hello{(question.AskerName.Length > 0 ? " " + question.AskerName : "")},\n\n" +
            "Thank you for your question to the experts of the Human Rights Cities Network. An expert will pick it up, " +
            "and we will email you the answer.\n\n" +
            $"Follow your question here (keep this link to yourself; it is your only key to it):\n{statusLinks.UrlFor(token)}\n\n" +
            (question.MayPublish
                ? "You allowed us to publish the answer, without your name or contact details, so that others can learn from it.\n\n"
                : "You asked us not to publish the answer.\n\n") +
            "The Human Rights Cities Network", "questions/received");
        question.Log.Add(QuestionLog.Entry(0, QuestionAction.Ask, QuestionState.New, QuestionState.New,
            actor.UserId ?? "", actor.IsAuthenticated ? actor.DisplayName : "Visitor", "", now));
        await db.SaveChangesAsync(ct);

        await notifier.PublishAsync(QuestionChanged.QueueTopic, new QuestionChanged(question.Id, question.State, QuestionAction.Ask));
        return new QuestionReceipt(question.Id, token);
    }

    public async Task<QuestionStatusView> GetStatusAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.StatusTokenHash == hash, ct)
            ?? throw new NotFoundException("The question");
        var answered = q.AnsweredAt is not null;
        return new QuestionStatusView(q.Title, q.Body, QuestionTopics.LabelOf(q.Topic), q.State, q.AskedAt, q.AnsweredAt,
            answered ? Markdown.ToHtml(q.Answer) : null,
            answered ? AnswerLinks.Parse(q.AnswerLinks) : [],
            q.State == QuestionState.Published ? $"/answers/{q.Slug}" : null, q.Id);
    }

    private static string Hash(string value) => StatusLinks.Hash(value);
}
