using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>
/// The upcoming inter-city dialogue's room (the demo practitioner and Coordinator are registered): a few messages with a
/// reply, a mention and a reaction, the practitioner's raised hand and an audience question.
/// </summary>
public sealed class DialoguesDemoSeed(TimeProvider clock) : ISeed
{
    public int Order => 71;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.DialogueMessages.AnyAsync(ct)) return;
        var dialogue = await db.CommunityEvents.Where(e => e.Kind == EventKind.InterCityDialogue).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        var coordinator = await db.Users.FirstOrDefaultAsync(u => u.Email == "coordinator@demo.hrc.local", ct);
        var practitioner = await db.Users.FirstOrDefaultAsync(u => u.Email == "practitioner@demo.hrc.local", ct);
        if (dialogue is null || coordinator is null || practitioner is null) return;
        var now = clock.GetUtcNow().UtcDateTime;

        DialogueMessage Message(Accounts.AppUser author, string text, int minutesAgo, string mentions = "") => new()
        {
            EventId = dialogue.Id, AuthorId = author.Id, AuthorName = author.DisplayName, AuthorCity = author.City, Text = text,
            Mentions = mentions, SentAt = now.AddMinutes(-minutesAgo),
        };

        var welcome = Message(coordinator, "Welcome to the room. We start with **Graz**; raise your hand to come in after each city.", 30);
        var question = Message(practitioner, "Does the Graz council publish its yearly report in plain language as well?", 25);
        db.DialogueMessages.AddRange(welcome, question);
        await db.SaveChangesAsync(ct);
        var reply = Message(coordinator, $"Good question, @{practitioner.DisplayName}: we will ask the Graz speaker.", 20, practitioner.DisplayName);
        reply.ParentId = question.Id;
        db.DialogueMessages.Add(reply);
        db.DialogueReactions.Add(new DialogueReaction { MessageId = welcome.Id, UserId = practitioner.Id, Reaction = "thumbs-up" });
        db.DialogueHands.Add(new DialogueHand { EventId = dialogue.Id, UserId = practitioner.Id, Name = practitioner.DisplayName, City = practitioner.City, RaisedAt = now.AddMinutes(-10) });
        db.DialogueQuestions.Add(new DialogueQuestion
        {
            EventId = dialogue.Id, AuthorId = practitioner.Id, AuthorName = practitioner.DisplayName, AuthorCity = practitioner.City,
            Text = "How does York choose the rights its indicator report measures?", AskedAt = now.AddMinutes(-15), Votes = 0,
        });
        await db.SaveChangesAsync(ct);
    }
}
