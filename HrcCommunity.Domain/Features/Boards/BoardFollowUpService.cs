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
    KnowledgeService knowledge)
{
    public const int TopClusters = 3;
    public const string SourceKind = "board";

    /// <summary>
    /// Submits the cluster as a practice awaiting review, its notes as the approach; the facilitator completes it from
    /// "My practices" before a Coordinator publishes it. Asked again, it returns the practice already made.
    /// </summary>
    public async Task<string> DraftPracticeAsync(Actor actor, int boardId, int clusterId, string boardUrl, CancellationToken ct = default)
    {
        var source = await TopClusterAsync(actor, boardId, clusterId, ct);
        if (source.PracticeSlug is { } made) return made;
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
        var slug = await practices.SubmitAsync(actor, input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.BoardClusters.Where(c => c.Id == clusterId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PracticeSlug, slug), ct);
        return slug;
    }

    /// <summary>A Knowledge Centre draft of the cluster, its source the board. Asked again, it returns the draft already made.</summary>
    public async Task<string> DraftKnowledgeAsync(Actor actor, int boardId, int clusterId, string boardUrl, CancellationToken ct = default)
    {
        var source = await TopClusterAsync(actor, boardId, clusterId, ct);
        if (source.KnowledgeSlug is { } made) return made;
        var (results, cluster) = (source.Results, source.Cluster);
        var body = $"""
            What the workshop board "{BoardResults.Line(results.Title)}" gathered under "{BoardResults.Line(cluster.Name)}", {cluster.Votes} dots in its vote ({Rank(results, cluster)} of {results.Clusters.Count} clusters).

            ## The notes, by dots

            {NoteList(cluster)}
            """;
        var slug = await knowledge.CreateDraftFromSourceAsync(actor, new KnowledgeSource(cluster.Name,
            $"A result of the workshop board \"{results.Title}\": {cluster.Notes.Count} notes and {cluster.Votes} dots.", body, [],
            [new KnowledgeLinkInput(Clip($"Workshop board: {results.Title}", KnowledgeFields.LinkTitleMax), boardUrl)],
            SourceKind, $"{boardId}:{clusterId}", $"/boards/{boardId}"), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.BoardClusters.Where(c => c.Id == clusterId).ExecuteUpdateAsync(s => s.SetProperty(c => c.KnowledgeSlug, slug), ct);
        return slug;
    }

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
