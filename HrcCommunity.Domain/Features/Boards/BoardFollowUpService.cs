using System.Globalization;
using System.Text;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Boards;

/// <summary>
/// From results to action: in the discuss phase the facilitator turns one of the board's top clusters into a draft
/// practice (submitted for review in their name) or a Knowledge Centre draft, each linking back to the board. The
/// Knowledge feature's own services make them, so its rules hold: who may create them, what is valid, and a
/// Coordinator's review before anything is published.
/// </summary>
public sealed class BoardFollowUpService(IDbContextFactory<HrcDbContext> dbFactory, BoardService boards, PracticeService practices,
    KnowledgeService knowledge, TimeProvider clock)
{
    public const int TopClusters = 3;
    public const string SourceKind = "board";

    /// <summary>
    /// Written into the cluster's slug column while its draft is being made, with the time, so a second click or a second
    /// facilitator is told to wait instead of making another. A mark older than <see cref="MakingExpires"/> was left by a
    /// process that stopped half-way, and is taken over.
    /// </summary>
    private const string MakingMark = "making:";
    private static readonly TimeSpan MakingExpires = TimeSpan.FromMinutes(2);
    private const string BeingMade = "That draft is being made right now. Reload the board in a moment to open it.";

    /// <summary>The slug of a draft that exists; null while none does or one is still being made.</summary>
    public static string? Made(string? slug) => slug is null || slug.StartsWith(MakingMark, StringComparison.Ordinal) ? null : slug;

    /// <summary>
    /// Submits the cluster as a practice awaiting review, its notes as the approach; the facilitator completes it from
    /// "My practices" before a Coordinator publishes it. Asked again, it returns the practice already made.
    /// </summary>
    public async Task<string> DraftPracticeAsync(Actor actor, int boardId, int clusterId, string boardUrl, CancellationToken ct = default)
    {
        var source = await TopClusterAsync(actor, boardId, clusterId, ct);
        return await MakeOnceAsync(clusterId, FollowUp.Practice, source.PracticeSlug, () => SubmitPracticeAsync(actor, source, boardUrl, ct), ct);
    }

    private async Task<string> SubmitPracticeAsync(Actor actor, Source source, string boardUrl, CancellationToken ct)
    {
        var (results, cluster) = (source.Results, source.Cluster);
        var prompts = await PromptsAsync(cluster, ct);
        var input = new PracticeInput(
            Title: cluster.Name,
            City: Clip(source.Cities.Count > 0 ? string.Join(", ", source.Cities) : "Cities of the network", Practice.ShortMax),
            Period: source.CreatedAt.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            Problem: $"Named by the workshop board \"{BoardResults.Line(results.Title)}\", answering:\n\n{string.Join("\n", prompts.Select(p => "- " + BoardResults.Line(p)))}",
            Approach: NoteList(cluster),
            Results: $"The cluster drew {cluster.Votes} dots in the board's vote, {Rank(results, cluster)} of {results.Clusters.Count} clusters.",
            Lessons: "To be written by the facilitator before the review: what the group learnt, and what the city did next.",
            Contact: Clip($"{actor.DisplayName}, who facilitated the board", Practice.ContactMax),
            Themes: [],
            Links: [new KnowledgeLinkInput(Clip($"Workshop board: {results.Title}", KnowledgeFields.LinkTitleMax), boardUrl)],
            NetworkSlugs: []);
        return await practices.SubmitAsync(actor, input, ct);
    }

    /// <summary>A Knowledge Centre draft of the cluster, its source the board. Asked again, it returns the draft already made.</summary>
    public async Task<string> DraftKnowledgeAsync(Actor actor, int boardId, int clusterId, string boardUrl, CancellationToken ct = default)
    {
        var source = await TopClusterAsync(actor, boardId, clusterId, ct);
        return await MakeOnceAsync(clusterId, FollowUp.Knowledge, source.KnowledgeSlug,
            () => CreateKnowledgeDraftAsync(actor, boardId, source, boardUrl, ct), ct);
    }

    private async Task<string> CreateKnowledgeDraftAsync(Actor actor, int boardId, Source source, string boardUrl, CancellationToken ct)
    {
        var (results, cluster) = (source.Results, source.Cluster);
        var body = $"""
            What the workshop board "{BoardResults.Line(results.Title)}" gathered under "{BoardResults.Line(cluster.Name)}", {cluster.Votes} dots in its vote ({Rank(results, cluster)} of {results.Clusters.Count} clusters).

            ## The notes, by dots

            {NoteList(cluster)}
            """;
        return await knowledge.CreateDraftFromSourceAsync(actor, new KnowledgeSource(cluster.Name,
            $"A result of the workshop board \"{results.Title}\": {cluster.Notes.Count} notes and {cluster.Votes} dots.", body, [],
            [new KnowledgeLinkInput(Clip($"Workshop board: {results.Title}", KnowledgeFields.LinkTitleMax), boardUrl)],
            SourceKind, $"{boardId}:{cluster.Id}", $"/boards/{boardId}"), ct);
    }

    private enum FollowUp { Practice, Knowledge }

    /// <summary>
    /// The database picks one maker per cluster and kind: the conditional update that writes the mark succeeds once. The
    /// others are given the draft once it exists, or told it is being made.
    /// </summary>
    private async Task<string> MakeOnceAsync(int clusterId, FollowUp kind, string? current, Func<Task<string>> make, CancellationToken ct)
    {
        if (Made(current) is { } made) return made;
        var now = clock.GetUtcNow().UtcDateTime;
        if (current is not null && now - MarkedAt(current) < MakingExpires)
            throw new ConflictException(BeingMade);
        var mark = MakingMark + now.Ticks.ToString(CultureInfo.InvariantCulture);
        if (await SwapAsync(clusterId, kind, current, mark, ct) == 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var winner = await db.BoardClusters.Where(c => c.Id == clusterId)
                .Select(c => kind == FollowUp.Practice ? c.PracticeSlug : c.KnowledgeSlug).FirstOrDefaultAsync(ct);
            return Made(winner) ?? throw new ConflictException(BeingMade);
        }
        string slug;
        try
        {
            slug = await make();
        }
        catch
        {
            await SwapAsync(clusterId, kind, mark, null, CancellationToken.None);
            throw;
        }
        await SwapAsync(clusterId, kind, mark, slug, CancellationToken.None);
        return slug;
    }

    /// <summary>Sets the cluster's slug column to <paramref name="to"/> only if it still holds <paramref name="from"/>.</summary>
    private async Task<int> SwapAsync(int clusterId, FollowUp kind, string? from, string? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return kind == FollowUp.Practice
            ? await db.BoardClusters.Where(c => c.Id == clusterId && c.PracticeSlug == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.PracticeSlug, to), ct)
            : await db.BoardClusters.Where(c => c.Id == clusterId && c.KnowledgeSlug == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.KnowledgeSlug, to), ct);
    }

    private static DateTime MarkedAt(string mark) =>
        long.TryParse(mark.AsSpan(MakingMark.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : DateTime.MinValue;

    private sealed record Source(BoardResults Results, ClusterResult Cluster, IReadOnlyList<string> Cities, DateTime CreatedAt, string? PracticeSlug,
        string? KnowledgeSlug);

    private async Task<Source> TopClusterAsync(Actor actor, int boardId, int clusterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await BoardAccessRule.LoadAsync(db, boardId, ct) ?? throw new NotFoundException("The board");
        actor.Require(rule.MayFacilitate(actor), "turn this board's results into drafts");
        var board = await db.Boards.AsNoTracking().FirstAsync(b => b.Id == boardId, ct);
        if (board.Phase != BoardPhase.Discuss)
            throw new ConflictException("Results become drafts in the discuss phase, once the dots are counted.");
        var row = await db.BoardClusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clusterId && c.BoardId == boardId, ct)
            ?? throw new NotFoundException("The cluster");
        var results = await boards.ResultsAsync(actor, boardId, ct);
        var cluster = results.Clusters.First(c => c.Id == clusterId);
        if (!results.Clusters.Where(c => c.Votes > 0).Take(TopClusters).Contains(cluster))
            throw new ConflictException($"Only the top {TopClusters} clusters with dots become drafts; \"{cluster.Name}\" is not among them.");
        var noteIds = cluster.Notes.Select(n => n.Id).ToList();
        // On an anonymous board the authors' cities could point to who wrote what.
        var cities = board.Anonymous ? [] : await db.BoardNotes.Where(n => noteIds.Contains(n.Id))
            .Join(db.Users, n => n.AuthorId, u => u.Id, (_, u) => u.City).Where(c => c != "").Distinct().OrderBy(c => c).ToListAsync(ct);
        return new Source(results, cluster, cities, board.CreatedAt, row.PracticeSlug, row.KnowledgeSlug);
    }

    /// <summary>The prompts of the columns the cluster's notes were written in.</summary>
    private async Task<IReadOnlyList<string>> PromptsAsync(ClusterResult cluster, CancellationToken ct)
    {
        var columnIds = cluster.Notes.Select(n => n.ColumnId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BoardColumns.AsNoTracking().Where(c => columnIds.Contains(c.Id)).OrderBy(c => c.Position)
            .Select(c => c.Title + ": " + c.Prompt).ToListAsync(ct);
    }

    private static string NoteList(ClusterResult cluster)
    {
        var list = new StringBuilder();
        foreach (var note in cluster.Notes) list.Append("- ").Append(BoardResults.Line(note.Text)).Append(" (").Append(note.Votes ?? 0).AppendLine(" dots)");
        return list.ToString().TrimEnd();
    }

    private static int Rank(BoardResults results, ClusterResult cluster) => results.Clusters.ToList().IndexOf(cluster) + 1;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
