using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Drafts;

public sealed record SavedDraft(string Content, DateTime SavedAt);

public sealed class DraftService(IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Drafts older than this are not offered back: the form has moved on.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public async Task SaveAsync(Actor actor, string key, string content, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "save drafts");
        new Validator()
            .Required("key", key, "The draft's name", Draft.KeyMax)
            .Length("content", content, "The draft", Draft.ContentMax)
            .ThrowIfInvalid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One statement, so two tabs saving the same form at once cannot create two drafts.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Drafts" ("UserId", "Key", "Content", "SavedAt") VALUES ({actor.UserId}, {key}, {content}, {now})
            ON CONFLICT ("UserId", "Key") DO UPDATE SET "Content" = excluded."Content", "SavedAt" = excluded."SavedAt"
            """, ct);
    }

    public async Task<SavedDraft?> LoadAsync(Actor actor, string key, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return null;
        var since = clock.GetUtcNow().UtcDateTime - KeptFor;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Drafts.AsNoTracking()
            .Where(d => d.UserId == actor.UserId && d.Key == key && d.SavedAt >= since)
            .Select(d => new SavedDraft(d.Content, d.SavedAt))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Called when the form is submitted or the person discards the draft.</summary>
    public async Task DeleteAsync(Actor actor, string key, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Drafts.Where(d => d.UserId == actor.UserId && d.Key == key).ExecuteDeleteAsync(ct);
    }
}
