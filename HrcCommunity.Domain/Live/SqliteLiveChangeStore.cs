using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Live;

public sealed class SqliteLiveChangeStore(IDbContextFactory<HrcDbContext> dbFactory) : ILiveChangeStore
{
    public async Task AppendAsync(IReadOnlyList<LiveChange> changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.LiveChanges.AddRange(changes);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<LiveChange>> ReadAfterAsync(string topic, long afterSeq, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LiveChanges.AsNoTracking()
            .Where(c => c.Topic == topic && c.Seq > afterSeq)
            .OrderBy(c => c.Seq)
            .ToListAsync(ct);
    }
}
