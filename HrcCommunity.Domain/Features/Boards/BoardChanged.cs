namespace HrcCommunity.Domain.Features.Boards;

public enum BoardChangeKind
{
    NoteAdded,
    NoteMoved,
    NoteEdited,
    NoteDeleted,
    Voted,
    Phase,
    Settings,
    Clusters,
}

/// <summary>A note as it travels on a board's topic. Text and author are null while the note is private to its author.</summary>
public sealed record BoardNoteData(int Id, int ColumnId, int Position, string? Text, NoteColour Colour, string? AuthorName, int? ClusterId, int Version);

/// <summary>
/// One change on <c>board:{id}</c>. Built by <see cref="BoardService"/> from what every follower of the board may
/// see: a private note's text and author are never put in it before the reveal, so no circuit or hub connection
/// other than the author's own view (which made it) ever holds them.
/// </summary>
/// <param name="Note">The note as it is now (added, edited, moved); on a move also the column's new order in <paramref name="Order"/>.</param>
/// <param name="Totals">
/// On <see cref="BoardChangeKind.Voted"/>, which stands for every dot placed or taken back in a short window
/// (<see cref="BoardService.VoteWindow"/>): the new total of each note those dots touched, when votes are revealed;
/// otherwise null (followers learn only that people voted).
/// </param>
public sealed record BoardChanged(int BoardId, BoardChangeKind Kind, int? NoteId = null, BoardNoteData? Note = null,
    IReadOnlyList<int>? Order = null, IReadOnlyDictionary<int, int>? Totals = null);
