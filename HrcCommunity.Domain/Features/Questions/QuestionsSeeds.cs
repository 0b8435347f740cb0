using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>The experts' starting set of canned replies; Coordinators edit them from then on.</summary>
public sealed class CannedRepliesSeed(TimeProvider clock) : ISeed
{
    public int Order => 30;

    public bool IsDemoContent => false;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.CannedReplies.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.CannedReplies.AddRange(
            Reply("Thanks and scope", "Thank you for your question to the network's experts. Below is our answer, based on what member cities have learned in practice; it is guidance, not legal advice.", now),
            Reply("Pointer to the Knowledge Centre", "The Excellence Knowledge Centre holds concepts, methods and tools on this subject. Approved practitioners can also read the detailed material there and compare how other cities went about it.", now),
            Reply("Invitation to an inter-city dialogue", "Several member cities have faced the same question. If you would like to talk it through with them, we can put it on the agenda of an upcoming inter-city dialogue or workshop.", now));
        await db.SaveChangesAsync(ct);
    }

    private static CannedReply Reply(string title, string body, DateTime at) => new() { Title = title, Body = body, UpdatedAt = at };
}

/// <summary>Demo questions in every state, one of them published, so the queue and /answers are not empty.</summary>
public sealed class QuestionsDemoSeed(TimeProvider clock) : ISeed
{
    /// <summary>The status link of the published demo question (demo content only, never in production data).</summary>
    public const string DemoStatusToken = "demo-status-link-of-the-published-answer";

    public const string PublishedSlug = "how-can-a-small-city-start-measuring-human-rights-at-local-level";

    public int Order => 40;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.Questions.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var expert = await db.Users.Where(u => u.Email == "expert@demo.hrc.local").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var expertId = expert?.Id ?? "system";
        var expertName = expert?.DisplayName ?? "HrcCommunity";

        var published = Ask("How can a small city start measuring human rights at local level?",
            "We are a town of about 50,000 people and our council has just signed a human rights city declaration. We have no statistics office of our own. Where should we begin with indicators, and how many should we pick in the first year?",
            "monitoring", "sdg-16 sdg-11", "Demo Asker", "asker.one@example.org", "", mayPublish: true, anonymous: false, now.AddDays(-20));
        published.StatusTokenHash = StatusLinks.Hash(DemoStatusToken);
        published.State = QuestionState.Published;
        published.HolderId = expertId;
        published.HolderName = expertName;
        published.FirstClaimedAt = now.AddDays(-19);
        published.AnsweredAt = now.AddDays(-17);
        published.PublishedAt = now.AddDays(-16);
        published.AnsweredById = expertId;
        published.AnsweredByName = expertName;
        published.Slug = PublishedSlug;
        published.PublicBody = "Our council has just signed a human rights city declaration, and as a small town we have no statistics office of our own. Where should we begin with indicators, and how many should we pick in the first year?";
        published.AnswerSummary = "Start small: pick three to five rights residents care about, use data the municipality already collects, and report once a year with residents at the table.";
        published.Answer = """
            Begin with a **short list** rather than a complete framework. Cities that started with dozens of indicators rarely kept them up.

            1. Ask residents and local organisations which rights matter most to them right now (housing and participation come up often).
            2. For each of those rights, look for data your departments already hold: waiting lists, complaints, service use, consultation turnout.
            3. Choose three to five indicators you can update every year at no extra cost.
            4. Publish a yearly report and discuss it in a public meeting, so the numbers lead to decisions.

            York's yearly indicator reports are a useful model of how a partnership can keep this going over time.
            """;
        published.AnswerLinks = "https://www.ohchr.org/en/instruments-and-mechanisms/human-rights-indicators";

        var answered = Ask("Does a human rights city need a dedicated office?",
            "Our administration is debating whether to create a separate human rights office or to give the task to each department. What have other cities learned?",
            "local-policy", "sdg-16", "", "asker.two@example.org", "", mayPublish: false, anonymous: true, now.AddDays(-8));
        answered.State = QuestionState.ClosedUnpublished;
        answered.HolderId = expertId;
        answered.HolderName = expertName;
        answered.FirstClaimedAt = now.AddDays(-7);
        answered.AnsweredAt = now.AddDays(-6);
        answered.AnsweredById = expertId;
        answered.AnsweredByName = expertName;
        answered.AnswerSummary = "Both work; what matters is a clear mandate, a budget and a duty for every department to report.";
        answered.Answer = "Vienna chose a dedicated office that coordinates across departments; other cities share the task out. Either way, give someone a clear mandate and make every department report on its part.";

        var claimed = Ask("How do we involve children in our human rights city work?",
            "We want the voices of children and young people in our local action plan. Which forms of participation have worked in member cities?",
            "participation", "right-children-s-rights city-child-friendly", "Demo Asker", "asker.three@example.org", "Youth council", mayPublish: true, anonymous: false, now.AddDays(-2));
        claimed.State = QuestionState.Claimed;
        claimed.HolderId = expertId;
        claimed.HolderName = expertName;
        claimed.FirstClaimedAt = now.AddDays(-1);

        var fresh = Ask("Which networks fund exchanges between human rights cities?",
            "Our city would like to visit a more experienced human rights city with a small delegation. Are there networks or programmes that support such exchanges?",
            "networks-funding", "sdg-17", "", "asker.four@example.org", "", mayPublish: true, anonymous: false, now.AddHours(-5));

        var spam = Ask("Cheap offers for city officials",
            "Visit our shop for the best prices on everything you could ever want for your office.",
            "other", "", "", "spam@example.net", "", mayPublish: false, anonymous: false, now.AddHours(-3));
        spam.State = QuestionState.RejectedAsSpam;

        db.Questions.AddRange(published, answered, claimed, fresh, spam);
        Log(published, QuestionAction.Claim, QuestionState.New, QuestionState.Claimed, expertId, expertName, published.FirstClaimedAt!.Value);
        Log(published, QuestionAction.SendAnswer, QuestionState.Claimed, QuestionState.Answered, expertId, expertName, published.AnsweredAt!.Value);
        Log(published, QuestionAction.Publish, QuestionState.Answered, QuestionState.Published, expertId, expertName, published.PublishedAt!.Value);
        Log(answered, QuestionAction.Claim, QuestionState.New, QuestionState.Claimed, expertId, expertName, answered.FirstClaimedAt!.Value);
        Log(answered, QuestionAction.SendAnswer, QuestionState.Claimed, QuestionState.Answered, expertId, expertName, answered.AnsweredAt!.Value);
        Log(answered, QuestionAction.CloseUnpublished, QuestionState.Answered, QuestionState.ClosedUnpublished, expertId, expertName, answered.AnsweredAt!.Value.AddHours(1));
        Log(claimed, QuestionAction.Claim, QuestionState.New, QuestionState.Claimed, expertId, expertName, claimed.FirstClaimedAt!.Value);
        Log(spam, QuestionAction.RejectAsSpam, QuestionState.New, QuestionState.RejectedAsSpam, expertId, expertName, now.AddHours(-2));
        await db.SaveChangesAsync(ct);

        await db.IndexAsync(new SearchDocument(PublishedAnswersService.SearchKind, published.Id.ToString(), $"/answers/{published.Slug}",
            published.Title, published.AnswerSummary, published.PublicBody + "\n\n" + Common.Markdown.ToPlainText(published.Answer),
            published.Themes.Split(' ')), clock, ct);
        await db.SaveChangesAsync(ct);
    }

    private static Question Ask(string title, string body, string topic, string themes, string name, string email, string place,
        bool mayPublish, bool anonymous, DateTime at) => new()
    {
        Title = title, Body = body, Topic = topic, Themes = themes, AskerName = name, AskerEmail = email, AskerPlace = place,
        MayPublish = mayPublish, AnonymousToExperts = anonymous, AskedAt = at, UpdatedAt = at,
        // Demo questions get no working status link except the published one (set above).
        StatusTokenHash = StatusLinks.Hash(Guid.NewGuid().ToString()),
        EmailHash = StatusLinks.Hash(email), IpHash = StatusLinks.Hash("demo"),
        Log = [QuestionLog.Entry(0, QuestionAction.Ask, QuestionState.New, QuestionState.New, "", "Visitor", "", at)],
    };

    private static void Log(Question q, QuestionAction action, QuestionState from, QuestionState to, string actorId, string actorName, DateTime at) =>
        q.Log.Add(QuestionLog.Entry(0, action, from, to, actorId, actorName, "", at));
}
