using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// Takes a deleted person out of every feature's rows. Where the network's record must stay whole
/// (expert answers, directory changes, moderation logs) the contribution stays and only the name goes;
/// practices and comments are the person's to keep or take with them.
/// </summary>
internal static class ContributionScrubber
{
    public static async Task ScrubAsync(HrcDbContext db, DeletedPerson person, bool keep, TimeProvider clock, CancellationToken ct)
    {
        var id = person.Id;
        var email = person.Email.ToUpperInvariant();
        var former = FormerMember.Name;

        foreach (var practice in await db.Practices.Where(p => p.SubmitterId == id).ToListAsync(ct))
        {
            if (keep && practice.Status == PracticeStatus.Published)
            {
                practice.SubmitterId = "";
                practice.SubmitterName = former;
                practice.Contact = "";
                await PracticeService.IndexAsync(db, practice, clock, ct);
                continue;
            }
            db.Practices.Remove(practice);
            await db.RemoveFromSearchAsync(PracticeService.Kind, practice.Slug, ct: ct);
            await db.SetNetworkTagsAsync(PracticeService.Kind, practice.Slug, practice.Title, PracticeService.UrlOf(practice.Slug), false, [], ct);
        }
        if (keep)
            await db.PracticeComments.Where(c => c.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorId, "").SetProperty(c => c.AuthorName, former), ct);
        else
            await db.PracticeComments.Where(c => c.AuthorId == id).ExecuteDeleteAsync(ct);
        await db.PracticeUsefulMarks.Where(m => m.UserId == id).ExecuteDeleteAsync(ct);

        // Their own questions: a published one belongs to the public Q&A and stays without them; the rest go.
        var asked = db.Questions.Where(q => q.AskerUserId == id || (email != "" && q.AskerEmail.ToUpper() == email));
        await asked.Where(q => q.State != QuestionState.Published).ExecuteDeleteAsync(ct);
        await asked.ExecuteUpdateAsync(s => s.SetProperty(q => q.AskerUserId, (string?)null).SetProperty(q => q.AskerName, "")
            .SetProperty(q => q.AskerEmail, "").SetProperty(q => q.AskerPlace, "").SetProperty(q => q.EmailHash, ""), ct);
        await db.Questions.Where(q => q.AnsweredById == id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnsweredById, (string?)null).SetProperty(q => q.AnsweredByName, former), ct);
        // A question they held goes back to the queue, or nobody could ever pick it up again.
        await db.Questions.Where(q => q.HolderId == id).ExecuteUpdateAsync(s => s.SetProperty(q => q.HolderId, (string?)null)
            .SetProperty(q => q.HolderName, (string?)null)
            .SetProperty(q => q.State, q => q.State == QuestionState.Claimed ? QuestionState.New : q.State), ct);
        await db.QuestionNotes.Where(n => n.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorId, "").SetProperty(n => n.AuthorName, former), ct);
        // Board notes are a workshop's shared record when the person keeps their contributions; otherwise they go, with
        // the dots on them. Their own dots and templates go with the account (cascade).
        if (keep)
            await db.BoardNotes.Where(n => n.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorId, "").SetProperty(n => n.AuthorName, former), ct);
        else
            await db.BoardNotes.Where(n => n.AuthorId == id).ExecuteDeleteAsync(ct);
        await db.QuestionLog.Where(l => l.ActorId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ActorId, "").SetProperty(l => l.ActorName, former), ct);

        await db.ContentPages.Where(p => p.UpdatedById == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedById, (string?)null), ct);
        await db.ContentPageRevisions.Where(r => r.ChangedById == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChangedById, "").SetProperty(r => r.ChangedByName, former), ct);
        await db.KnowledgeItems.Where(k => k.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.AuthorId, (string?)null).SetProperty(k => k.AuthorName, former), ct);
        await db.KnowledgeRevisions.Where(r => r.ChangedById == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChangedById, "").SetProperty(r => r.ChangedByName, former), ct);
        await db.NetworkCorrections.Where(c => c.ProposedById == id || (email != "" && c.Email != null && c.Email.ToUpper() == email))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposedById, (string?)null).SetProperty(c => c.ProposedByName, former).SetProperty(c => c.Email, (string?)null), ct);
        await db.NetworkChanges.Where(c => c.ChangedById == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedById, (string?)null).SetProperty(c => c.ChangedByName, former), ct);
        await db.Users.Where(u => u.ReviewedById == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReviewedById, (string?)null), ct);
        await ScrubByNameAsync(db, person.DisplayName, former, ct);
        await RoomScrubber.ScrubAsync(db, person, keep, ct);
        await EventScrubber.ScrubAsync(db, person, ct);

        // Mail to them, or about them (a Coordinator's approval notice), is no longer anyone's business.
        await db.OutboxEmails.Where(e => e.To.ToUpper() == email || e.TextBody.Contains(person.Email)
                || (person.DisplayName.Length >= 3 && (e.TextBody.Contains(person.DisplayName) || e.Subject.Contains(person.DisplayName))))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Rows that kept only a name, never an id: a same-named colleague's rows are anonymised too, the safe side.</summary>
    private static async Task ScrubByNameAsync(HrcDbContext db, string name, string former, CancellationToken ct)
    {
        if (name.Length < 3) return;
        await db.KnowledgeAttachments.Where(a => a.UploadedByName == name).ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadedByName, former), ct);
        await db.NewsPosts.Where(p => p.AuthorName == name).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorName, former), ct);
        await db.NetworkCorrections.Where(c => c.DecidedByName == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.DecidedByName, former), ct);
    }
}
