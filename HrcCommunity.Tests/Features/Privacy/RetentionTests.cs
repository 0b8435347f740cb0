using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Privacy;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class RetentionTests
{
    private static readonly TimeSpan _day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Purge_RemovesExactlyWhatIsPastItsPeriod_AndASecondRunPurgesNothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        // Defaults: contacts 90 days after the answer or closing, rate-limit hashes 7 days after asking.
        await using (var db = database.CreateDbContext())
        {
            db.Questions.AddRange(
                Question("open-old", QuestionState.Claimed, askedAt: now - 400 * _day, closedAt: null),
                Question("answered-91", QuestionState.Published, askedAt: now - 100 * _day, closedAt: now - 91 * _day),
                Question("answered-89", QuestionState.Answered, askedAt: now - 100 * _day, closedAt: now - 89 * _day),
                Question("spam-91", QuestionState.RejectedAsSpam, askedAt: now - 91 * _day, closedAt: now - 91 * _day),
                Question("asked-6", QuestionState.New, askedAt: now - 6 * _day, closedAt: null));
            var network = await db.Networks.OrderBy(n => n.Id).FirstAsync();
            db.NetworkCorrections.AddRange(
                Correction(network.Id, "decided-91", now - 100 * _day, decidedAt: now - 91 * _day),
                Correction(network.Id, "waiting", now - 100 * _day, decidedAt: null),
                Correction(network.Id, "proposed-6", now - 6 * _day, decidedAt: null));
            await db.SaveChangesAsync();
        }

        var report = await database.Get<RetentionService>().PurgeAsync();

        Assert.Equal(new PurgeReport(AskerContacts: 2, QuestionRateLimitRecords: 4, ProposerEmails: 1, CorrectionRateLimitRecords: 2, ExpiredExports: 0), report);
        await using (var db = database.CreateDbContext())
        {
            var questions = await db.Questions.ToDictionaryAsync(q => q.Title);
            Assert.Equal(["answered-91", "spam-91"], questions.Values.Where(q => q.AskerEmail == "" && q.AskerName == "" && q.AskerPlace == "").Select(q => q.Title).Order());
            Assert.Equal(["asked-6"], questions.Values.Where(q => q.EmailHash != "" && q.IpHash != "").Select(q => q.Title));
            var corrections = await db.NetworkCorrections.ToDictionaryAsync(c => c.Note);
            Assert.Null(corrections["decided-91"].Email);
            Assert.NotNull(corrections["waiting"].Email);
            Assert.Equal(["proposed-6"], corrections.Values.Where(c => c.ProposerKey != "").Select(c => c.Note));
        }
        // A Hangfire retry finds nothing left to do.
        Assert.Equal(0, (await database.Get<RetentionService>().PurgeAsync()).Total);
        Assert.Contains("AskerContacts = 0", await database.Get<PrivacyRetentionJob>().RunAsync(CancellationToken.None));
    }

    private static Question Question(string title, QuestionState state, DateTime askedAt, DateTime? closedAt) => new()
    {
        Title = title, Body = title, Topic = "other", AskerName = "Asker", AskerEmail = "asker@example.org", AskerPlace = "Lund",
        StatusSalt = title, StatusTokenHash = title, EmailHash = "e-" + title, IpHash = "i-" + title, State = state,
        AskedAt = askedAt, AnsweredAt = state is QuestionState.Answered or QuestionState.Published ? closedAt : null,
        UpdatedAt = closedAt ?? askedAt, Slug = state == QuestionState.Published ? title : null,
    };

    private static NetworkCorrection Correction(int networkId, string note, DateTime proposedAt, DateTime? decidedAt) => new()
    {
        NetworkId = networkId, ChangesJson = "{}", Note = note, Email = "proposer@example.org", ProposerKey = "k-" + note,
        ProposedAt = proposedAt, DecidedAt = decidedAt, Status = decidedAt is null ? CorrectionStatus.Pending : CorrectionStatus.Accepted,
    };
}
