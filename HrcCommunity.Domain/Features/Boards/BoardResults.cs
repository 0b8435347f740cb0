using System.Globalization;
using System.Text;
using CsvHelper;

namespace HrcCommunity.Domain.Features.Boards;

public sealed record ClusterResult(int? Id, string Name, int Votes, IReadOnlyList<BoardNoteView> Notes);

/// <summary>
/// A board's results as one person may see them (built from their <see cref="BoardView"/>, so private notes of others
/// stay out before the reveal and dots stay out while hidden): clusters and notes sorted by dots, and the exports.
/// </summary>
public sealed record BoardResults(int BoardId, string Title, BoardPhase Phase, bool VotesVisible, IReadOnlyList<BoardColumnView> Columns,
    IReadOnlyList<ClusterResult> Clusters, IReadOnlyList<BoardNoteView> Notes)
{
    public static BoardResults From(BoardView view)
    {
        var byVotes = view.Notes.OrderByDescending(n => n.Votes ?? 0).ThenBy(n => n.ColumnId).ThenBy(n => n.Position).ToList();
        var clusters = view.Clusters
            .Select(c => new ClusterResult(c.Id, c.Name, byVotes.Where(n => n.ClusterId == c.Id).Sum(n => n.Votes ?? 0),
                byVotes.Where(n => n.ClusterId == c.Id).ToList()))
            .OrderByDescending(c => c.Votes).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new BoardResults(view.Id, view.Title, view.Phase, view.VotesVisible, view.Columns, clusters, byVotes);
    }

    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "Column", "Cluster", "Note", "Colour", "Author", "Dots" }) csv.WriteField(header);
        csv.NextRecord();
        foreach (var note in Notes)
        {
            csv.WriteField(Columns.FirstOrDefault(c => c.Id == note.ColumnId)?.Title ?? "");
            csv.WriteField(Clusters.FirstOrDefault(c => c.Id == note.ClusterId)?.Name ?? "");
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            csv.WriteField(note.Text.Length > 0 && "=+-@".Contains(note.Text[0]) ? "'" + note.Text : note.Text);
            csv.WriteField(note.Colour.ToString());
            csv.WriteField(note.AuthorName ?? "");
            csv.WriteField(note.Votes?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.NextRecord();
        }
        csv.Flush();
        return writer.ToString();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Line(Title)).AppendLine();
        md.Append("Phase: ").Append(Phase.ToString().ToLowerInvariant()).Append(". ")
            .AppendLine(VotesVisible ? "Sorted by dots." : "Dots are not revealed yet.").AppendLine();
        if (Clusters.Count > 0)
        {
            md.AppendLine("## Clusters").AppendLine();
            foreach (var cluster in Clusters)
            {
                md.Append("### ").Append(Line(cluster.Name));
                if (VotesVisible) md.Append(" (").Append(cluster.Votes).Append(" dots)");
                md.AppendLine().AppendLine();
                foreach (var note in cluster.Notes) md.AppendLine(Item(note));
                md.AppendLine();
            }
        }
        foreach (var column in Columns)
        {
            var notes = Notes.Where(n => n.ColumnId == column.Id && n.ClusterId is null).ToList();
            if (notes.Count == 0) continue;
            md.Append("## ").AppendLine(Line(column.Title)).AppendLine();
            foreach (var note in notes) md.AppendLine(Item(note));
            md.AppendLine();
        }
        return md.ToString();
    }

    private string Item(BoardNoteView note) =>
        $"- {Line(note.Text)}{(note.AuthorName is { } a ? $" ({Line(a)})" : "")}{(VotesVisible ? $": {note.Votes ?? 0} dots" : "")}";

    /// <summary>One line, with Markdown's active characters escaped, so a note cannot add headings, links or HTML.</summary>
    internal static string Line(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]()#+-!<>|".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
