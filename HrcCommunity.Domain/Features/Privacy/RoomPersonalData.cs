using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// The person's part of the dialogue rooms, for their data archive: what they wrote, and what they did to what others
/// wrote (reactions, upvotes) named by the room and the message's or question's id, never by its author.
/// </summary>
internal static class RoomPersonalData
{
    public static async Task<object> CollectAsync(HrcDbContext db, string userId, CancellationToken ct)
    {
        var messages = await db.DialogueMessages.AsNoTracking().Where(m => m.AuthorId == userId)
            .Join(db.CommunityEvents, m => m.EventId, e => e.Id, (m, e) => new { Room = e.Title, MessageId = m.Id, ReplyTo = m.ParentId, m.AuthorName,
                m.AuthorCity, m.Text, m.SentAt, RemovedByModerator = m.IsRemoved })
            .OrderBy(m => m.MessageId).ToListAsync(ct);
        var questions = await db.DialogueQuestions.AsNoTracking().Where(q => q.AuthorId == userId)
            .Join(db.CommunityEvents, q => q.EventId, e => e.Id, (q, e) => new { Room = e.Title, QuestionId = q.Id, q.AuthorName, q.AuthorCity,
                q.IsAnonymous, q.Text, q.AskedAt, q.Votes, q.IsAnswered })
            .OrderBy(q => q.QuestionId).ToListAsync(ct);
        var reactions = await db.DialogueReactions.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.DialogueMessages, r => r.MessageId, m => m.Id, (r, m) => new { r, m.EventId })
            .Join(db.CommunityEvents, x => x.EventId, e => e.Id, (x, e) => new { Room = e.Title, x.r.MessageId, x.r.Reaction })
            .OrderBy(r => r.MessageId).ToListAsync(ct);
        var upvotes = await db.DialogueQuestionVotes.AsNoTracking().Where(v => v.UserId == userId)
            .Join(db.DialogueQuestions, v => v.QuestionId, q => q.Id, (v, q) => new { v.QuestionId, q.EventId })
            .Join(db.CommunityEvents, x => x.EventId, e => e.Id, (x, e) => new { Room = e.Title, x.QuestionId })
            .OrderBy(v => v.QuestionId).ToListAsync(ct);
        var hands = await db.DialogueHands.AsNoTracking().Where(h => h.UserId == userId)
            .Join(db.CommunityEvents, h => h.EventId, e => e.Id, (h, e) => new { Room = e.Title, h.Name, h.City, h.RaisedAt })
            .OrderBy(h => h.RaisedAt).ToListAsync(ct);
        var floor = await db.DialogueRooms.AsNoTracking().Where(r => r.FloorUserId == userId)
            .Join(db.CommunityEvents, r => r.EventId, e => e.Id, (r, e) => new { Room = e.Title, r.FloorName, r.FloorCity }).ToListAsync(ct);
        var mutedIn = await db.DialogueMutes.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.CommunityEvents, m => m.EventId, e => e.Id, (_, e) => e.Title).ToListAsync(ct);
        var readUpTo = await db.DialogueReadMarks.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.CommunityEvents, m => m.EventId, e => e.Id, (m, e) => new { Room = e.Title, m.LastReadMessageId }).ToListAsync(ct);
        return new { messages, questions, reactions, upvotes, raisedHands = hands, floorHeld = floor, mutedIn, readUpTo };
    }
}
