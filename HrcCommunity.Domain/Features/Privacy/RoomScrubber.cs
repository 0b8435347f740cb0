using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Dialogues;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// Takes a deleted person out of the dialogue rooms. Messages and audience questions are their contributions, kept
/// under "a former member" or deleted as they chose, like practice comments; reactions, votes, hands, mutes and read
/// marks go with the account (cascading keys). What the rooms' other people wrote stays whole.
/// </summary>
internal static class RoomScrubber
{
    public static async Task ScrubAsync(HrcDbContext db, DeletedPerson person, bool keep, CancellationToken ct)
    {
        var id = person.Id;
        var former = FormerMember.Name;

        // The floor is the room's state, not a contribution: it passes to nobody.
        await db.DialogueRooms.Where(r => r.FloorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.FloorUserId, (string?)null)
            .SetProperty(r => r.FloorName, (string?)null).SetProperty(r => r.FloorCity, (string?)null), ct);
        // Their votes go with the account; the counts they were part of go down now, so the panel's order stays true.
        await db.DialogueQuestions.Where(q => db.DialogueQuestionVotes.Any(v => v.QuestionId == q.Id && v.UserId == id))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Votes, q => q.Votes - 1), ct);
        await db.DialogueQuestionVotes.Where(v => v.UserId == id).ExecuteDeleteAsync(ct);

        var questions = db.DialogueQuestions.Where(q => q.AuthorId == id);
        var messages = db.DialogueMessages.Where(m => m.AuthorId == id);
        if (keep)
        {
            await questions.ExecuteUpdateAsync(s => s.SetProperty(q => q.AuthorId, "").SetProperty(q => q.AuthorName, former)
                .SetProperty(q => q.AuthorCity, ""), ct);
            // The client's id goes too: two former members' kept messages must not collide on the (room, author, client id) index.
            await messages.ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, "").SetProperty(m => m.AuthorName, former)
                .SetProperty(m => m.AuthorCity, "").SetProperty(m => m.ClientMessageId, (string?)null), ct);
        }
        else
        {
            await db.DialogueRooms.Where(r => questions.Any(q => q.Id == r.HighlightedQuestionId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.HighlightedQuestionId, (int?)null), ct);
            await questions.ExecuteDeleteAsync(ct);
            await db.DialogueRooms.Where(r => messages.Any(m => m.Id == r.PinnedMessageId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PinnedMessageId, (long?)null), ct);
            // A message others replied to stays as a removed one, as a moderator's removal leaves it, or their replies would go too.
            var answered = messages.Where(m => db.DialogueMessages.Any(r => r.ParentId == m.Id && r.AuthorId != id));
            await db.DialogueReactions.Where(r => answered.Any(m => m.Id == r.MessageId)).ExecuteDeleteAsync(ct);
            await answered.ExecuteUpdateAsync(s => s.SetProperty(m => m.IsRemoved, true).SetProperty(m => m.Text, "").SetProperty(m => m.Mentions, "")
                .SetProperty(m => m.AuthorId, "").SetProperty(m => m.AuthorName, former).SetProperty(m => m.AuthorCity, "")
                .SetProperty(m => m.ClientMessageId, (string?)null), ct);
            await messages.ExecuteDeleteAsync(ct);
        }
        await ScrubMentionsAsync(db, person.DisplayName, former, ct);
    }

    /// <summary>Others' messages that @mention them keep their words, with the name replaced and the mention no longer resolved to anyone.</summary>
    private static async Task ScrubMentionsAsync(HrcDbContext db, string name, string former, CancellationToken ct)
    {
        if (name.Length == 0) return;
        foreach (var message in await db.DialogueMessages.Where(m => m.Mentions.Contains(name)).ToListAsync(ct))
        {
            var mentions = message.Mentions.Split('\n').Where(n => !string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mentions.Count == message.Mentions.Split('\n').Length) continue;
            message.Mentions = string.Join('\n', mentions);
            message.Text = RoomText.ReplaceMention(message.Text, name, former);
        }
        await db.SaveChangesAsync(ct);
    }
}
