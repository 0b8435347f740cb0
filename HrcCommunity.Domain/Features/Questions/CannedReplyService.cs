using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Questions;

public sealed record CannedReplyView(int Id, string Title, string Body);

/// <summary>The small list of reusable answer texts: experts insert them, Coordinators keep them up to date.</summary>
public sealed class CannedReplyService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<CannedReplyView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.CanTriageQuestions, "use canned replies");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CannedReplies.AsNoTracking().OrderBy(r => r.Title)
            .Select(r => new CannedReplyView(r.Id, r.Title, r.Body)).ToListAsync(ct);
    }

    /// <summary>Creates a reply (id null) or updates one.</summary>
    public async Task SaveAsync(Actor actor, int? id, string title, string body, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "edit canned replies");
        new Validator()
            .Required("title", title, "The title", CannedReply.TitleMax)
            .Required("body", body, "The text", CannedReply.BodyMax)
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reply = id is null ? db.CannedReplies.Add(new CannedReply()).Entity
            : await db.CannedReplies.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The canned reply");
        if (await db.CannedReplies.AnyAsync(r => r.Title == title.Trim() && r.Id != reply.Id, ct))
            throw new ValidationFailedException("title", "Another canned reply already has this title.");
        reply.Title = title.Trim();
        reply.Body = body.Trim();
        reply.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "delete canned replies");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CannedReplies.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0) throw new NotFoundException("The canned reply");
    }
}
