using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Privacy;

public sealed record PurgeReport(int AskerContacts, int QuestionRateLimitRecords, int ProposerEmails, int CorrectionRateLimitRecords, int ExpiredExports)
{
    public int Total => AskerContacts + QuestionRateLimitRecords + ProposerEmails + CorrectionRateLimitRecords + ExpiredExports;
}

/// <summary>
/// Forgets personal data once its purpose is spent. Every step is a conditional update on what is still
/// there, so running twice (a Hangfire retry) purges nothing more and reports zero the second time.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<HrcDbContext> dbFactory,
    IOptions<PrivacyOptions> options,
    IOptions<QuestionsOptions> questionsOptions,
    PersonalDataExportService exports,
    TimeProvider clock,
    ILogger<RetentionService> logger)
{
    /// <summary>How long the anti-abuse hashes are really kept: hashes younger than a limit's window still count
    /// towards it (questions: RateWindow; corrections: one hour), whatever the setting says.</summary>
    public static TimeSpan HashRetention(PrivacyOptions privacy, QuestionsOptions questions) =>
        new[] { privacy.RateLimitRecordRetention, questions.RateWindow, TimeSpan.FromHours(1) }.Max();

    public async Task<PurgeReport> PurgeAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contactsBefore = now - options.Value.ContactRetention;
        var hashesBefore = now - HashRetention(options.Value, questionsOptions.Value);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A question stops needing its asker once the answer went out or it was closed without one.
        var askerContacts = await db.Questions
            .Where(q => q.State != QuestionState.New && q.State != QuestionState.Claimed
                && (q.AnsweredAt ?? q.UpdatedAt) < contactsBefore
                && (q.AskerEmail != "" || q.AskerName != "" || q.AskerPlace != ""))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AskerEmail, "").SetProperty(q => q.AskerName, "").SetProperty(q => q.AskerPlace, ""), ct);
        var questionHashes = await db.Questions
            .Where(q => q.AskedAt < hashesBefore && (q.EmailHash != "" || q.IpHash != ""))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.EmailHash, "").SetProperty(q => q.IpHash, ""), ct);
        var proposerEmails = await db.NetworkCorrections
            .Where(c => c.DecidedAt != null && c.DecidedAt < contactsBefore && c.Email != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, (string?)null), ct);
        var proposerKeys = await db.NetworkCorrections
            .Where(c => c.ProposedAt < hashesBefore && c.ProposerKey != "")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposerKey, ""), ct);
        var expiredExports = await exports.DeleteExpiredAsync(ct);

        var report = new PurgeReport(askerContacts, questionHashes, proposerEmails, proposerKeys, expiredExports);
        logger.LogInformation(
            "Retention purge: {AskerContacts} askers' contacts, {QuestionHashes} question rate-limit records, {ProposerEmails} proposers' emails, {ProposerKeys} correction rate-limit records, {Exports} expired data archives",
            report.AskerContacts, report.QuestionRateLimitRecords, report.ProposerEmails, report.CorrectionRateLimitRecords, report.ExpiredExports);
        return report;
    }
}
