using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>A file the person contributed, copied into the archive beside the JSON.</summary>
public sealed record ArchiveFile(string ArchivePath, string StoredPath);

public sealed record PersonalData(object Json, IReadOnlyList<ArchiveFile> Files);

/// <summary>
/// Everything the platform holds about one person, read feature by feature. It reads only rows that
/// are the person's own, and of those only the fields about them, never another person's name or contact.
/// </summary>
public sealed class PersonalDataCollector(IDbContextFactory<HrcDbContext> dbFactory, DataFolder dataFolder, TimeProvider clock)
{
    public const string NoSignInHistory =
        "The platform keeps no history of sign-ins: no times, addresses or devices. It keeps only the count of failed "
        + "attempts since the last successful sign-in and, after too many, when the lock ends (both in the profile above).";

    public async Task<PersonalData> CollectAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new Common.NotFoundException("The account");
        var email = user.NormalizedEmail ?? "";
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        var logins = await db.UserLogins.Where(l => l.UserId == userId).Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(ct);

        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.AskerUserId == userId || (email != "" && q.AskerEmail.ToUpper() == email))
            .OrderBy(q => q.AskedAt)
            .Select(q => new { q.Title, q.Body, q.Topic, q.Themes, q.AskerName, q.AskerEmail, q.AskerPlace, q.AnonymousToExperts,
                q.MayPublish, State = q.State.ToString(), q.AskedAt, q.AnsweredAt, q.Answer, q.PublishedAt, q.Slug })
            .ToListAsync(ct);
        var answers = await db.Questions.AsNoTracking().Where(q => q.AnsweredById == userId).OrderBy(q => q.AnsweredAt)
            .Select(q => new { q.Title, q.Answer, q.AnswerSummary, q.AnsweredAt, q.PublishedAt, q.Slug }).ToListAsync(ct);
        var notes = await db.QuestionNotes.AsNoTracking().Where(n => n.AuthorId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.QuestionId, n.Text, n.CreatedAt }).ToListAsync(ct);
        var practices = await db.Practices.AsNoTracking().Where(p => p.SubmitterId == userId).OrderBy(p => p.SubmittedAt)
            .Select(p => new { p.Slug, p.Title, p.City, p.Period, p.Problem, p.Approach, p.Results, p.Lessons, p.Contact, p.LinksJson,
                p.Themes, Status = p.Status.ToString(), p.ReviewNote, p.SubmittedAt, p.UpdatedAt, p.PublishedAt })
            .ToListAsync(ct);
        var comments = await db.PracticeComments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedAt)
            .Join(db.Practices, c => c.PracticeId, p => p.Id, (c, p) => new { Practice = p.Title, c.Body, c.CreatedAt }).ToListAsync(ct);
        var usefulMarks = await db.PracticeUsefulMarks.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Practices, m => m.PracticeId, p => p.Id, (m, p) => new { Practice = p.Title, m.CreatedAt }).ToListAsync(ct);
        var corrections = await db.NetworkCorrections.AsNoTracking()
            .Where(c => c.ProposedById == userId || (email != "" && c.Email != null && c.Email.ToUpper() == email))
            .OrderBy(c => c.ProposedAt)
            .Select(c => new { c.NetworkId, c.ChangesJson, c.Note, c.Email, c.ProposedAt, Status = c.Status.ToString(), c.DecidedAt, c.DecisionNote })
            .ToListAsync(ct);
        var knowledge = await db.KnowledgeItems.AsNoTracking().Where(k => k.AuthorId == userId)
            .Select(k => new { k.Id, k.Slug, k.Title }).ToListAsync(ct);
        var knowledgeIds = knowledge.Select(k => k.Id).ToList();
        var attachments = await db.KnowledgeAttachments.AsNoTracking().Where(a => knowledgeIds.Contains(a.KnowledgeItemId)).ToListAsync(ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Key)
            .Select(d => new { d.Key, d.Content, d.SavedAt }).ToListAsync(ct);
        var eventRegistrations = await db.EventRegistrations.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.CommunityEvents, r => r.EventId, e => e.Id, (r, e) => new { Event = e.Title, e.StartsAtUtc, Status = r.Status.ToString(), r.Seat,
                r.RegisteredAt, r.NeedsInterpretation, r.InterpretationLanguage, r.NeedsSignLanguage, r.NeedsCaptions, r.AccessNote })
            .OrderBy(r => r.RegisteredAt).ToListAsync(ct);
        var timePollAnswers = await db.SlotPollAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.SlotPollSlots, a => a.SlotId, s => s.Id, (a, s) => new { a, s })
            .Join(db.SlotPolls, x => x.s.PollId, p => p.Id, (x, p) => new { Poll = p.Title, x.s.StartsAtUtc, Answer = x.a.Answer.ToString(), x.a.City, x.a.AnsweredAt })
            .OrderBy(a => a.AnsweredAt).ToListAsync(ct);
        var calendarFeeds = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.CreatedAt, t.RevokedAt }).ToListAsync(ct);
        var eventTimeZone = await db.EventTimeZonePreferences.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        var boardNotes = await db.BoardNotes.AsNoTracking().Where(n => n.AuthorId == userId)
            .Join(db.Boards, n => n.BoardId, b => b.Id, (n, b) => new { Board = b.Title, NoteId = n.Id, n.Text, Colour = n.Colour.ToString(), n.CreatedAt })
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        // A dot is named by its board and note id, never the note's text: the note is often someone else's words.
        var boardDots = await db.BoardVotes.AsNoTracking().Where(v => v.UserId == userId)
            .Join(db.Boards, v => v.BoardId, b => b.Id, (v, b) => new { Board = b.Title, v.NoteId, v.CastAt }).OrderBy(v => v.CastAt).ThenBy(v => v.NoteId)
            .ToListAsync(ct);
        var dialogueRooms = await RoomPersonalData.CollectAsync(db, userId, ct);
        var emails = await db.OutboxEmails.AsNoTracking().Where(e => e.To.ToUpper() == email).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Subject, e.Category, e.CreatedAt, e.SentAt }).ToListAsync(ct);

        var files = attachments
            .Select(a => new ArchiveFile($"files/knowledge/{a.Id}-{Path.GetFileName(a.FileName)}", Path.Combine(dataFolder.AttachmentsPath, a.StoredName)))
            .Where(f => File.Exists(f.StoredPath))
            .ToList();
        var json = new
        {
            generatedAt = clock.GetUtcNow().UtcDateTime,
            controller = "Human Rights Cities Network",
            profile = new
            {
                user.Email, user.EmailConfirmed, user.DisplayName, user.City, user.Organisation, user.PhoneNumber,
                user.RegisteredAt, user.TwoFactorEnabled, user.AccessFailedCount, user.LockoutEnd,
                externalSignIns = logins,
            },
            roles,
            approval = new { Status = user.ApprovalStatus.ToString(), user.RegisteredAt, user.ReviewedAt, user.ReviewNote },
            notificationPreferences = new
            {
                digest = !user.DigestOptIn ? "None" : user.DigestDaily ? "Daily" : "Weekly", digestAreas = (user.DigestAreas ?? DigestAreas.All).ToString(),
                expertDigest = !user.ExpertDigestOff,
            },
            signInEvents = NoSignInHistory,
            questionsAsked = questions,
            answersWritten = answers,
            questionNotesWritten = notes,
            practicesSubmitted = practices,
            practiceComments = comments,
            practicesMarkedUseful = usefulMarks,
            networkCorrectionsProposed = corrections,
            knowledgeItemsWritten = knowledge.Select(k => new
            {
                k.Slug, k.Title,
                files = attachments.Where(a => a.KnowledgeItemId == k.Id).Select(a => new { a.FileName, a.UploadedAt,
                    inArchive = files.FirstOrDefault(f => f.StoredPath.EndsWith(a.StoredName, StringComparison.Ordinal))?.ArchivePath }),
            }),
            drafts,
            events = new { registrations = eventRegistrations, timePollAnswers, calendarFeeds, timeZone = eventTimeZone },
            workshopBoards = new { notes = boardNotes, dots = boardDots },
            dialogueRooms,
            emailsSentToYou = emails,
        };
        return new PersonalData(json, files);
    }
}
