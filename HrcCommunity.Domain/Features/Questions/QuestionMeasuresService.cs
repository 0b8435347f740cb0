using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Questions;

public sealed record CountBy(string Label, int Count);

public sealed record QuestionMeasures(
    DateTime From, DateTime To, int OpenNow, int Asked, TimeSpan? MedianToFirstResponse, TimeSpan? MedianToAnswer,
    IReadOnlyList<CountBy> PerTopic, IReadOnlyList<CountBy> PerExpert);

/// <summary>How the facility is doing, for Coordinators: backlog, response times and load.</summary>
public sealed class QuestionMeasuresService(IDbContextFactory<HrcDbContext> dbFactory)
{
    public const int MaxPeriodDays = 3660;

    /// <summary>Measures over questions asked in [from, to); the open count is the backlog right now.</summary>
    public async Task<QuestionMeasures> GetAsync(Actor actor, DateTime from, DateTime to, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "see the question measures");
        new Validator()
            .Check(from < to, "from", "The start of the period must be before its end.")
            .Check((to - from).TotalDays <= MaxPeriodDays, "to", "Choose a period of at most ten years.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Questions.CountAsync(q => q.State == QuestionState.New || q.State == QuestionState.Claimed, ct);
        var asked = await db.Questions.AsNoTracking()
            .Where(q => q.AskedAt >= from && q.AskedAt < to && q.State != QuestionState.RejectedAsSpam)
            .Select(q => new { q.Topic, q.AskedAt, q.FirstClaimedAt, q.AnsweredAt, q.AnsweredByName })
            .ToListAsync(ct);
        return new QuestionMeasures(from, to, open, asked.Count,
            Median(asked.Where(q => q.FirstClaimedAt is not null).Select(q => q.FirstClaimedAt!.Value - q.AskedAt)),
            Median(asked.Where(q => q.AnsweredAt is not null).Select(q => q.AnsweredAt!.Value - q.AskedAt)),
            asked.GroupBy(q => q.Topic).Select(g => new CountBy(QuestionTopics.LabelOf(g.Key), g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Label).ToList(),
            asked.Where(q => q.AnsweredByName is not null).GroupBy(q => q.AnsweredByName!)
                .Select(g => new CountBy(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Label).ToList());
    }

    internal static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
