namespace HrcCommunity.Domain.Features.Boards;

public sealed record BoardColumnView(int Id, string Title, string Prompt);

/// <param name="AuthorName">Null on an anonymous board.</param>
/// <param name="Votes">Null while votes are hidden.</param>
public sealed record BoardNoteView(int Id, int ColumnId, int Position, string Text, NoteColour Colour, string? AuthorName, bool IsMine, int? ClusterId,
    int Version, int? Votes);

/// <param name="PracticeSlug">The practice made from the cluster, once the facilitator has turned it into one.</param>
/// <param name="KnowledgeSlug">The Knowledge Centre draft made from the cluster.</param>
public sealed record BoardClusterView(int Id, string Name, string? PracticeSlug = null, string? KnowledgeSlug = null);

/// <summary>A board as one person may see it now: in a private write phase, only their own notes.</summary>
/// <param name="MyVotes">The person's dots per note id.</param>
/// <param name="HiddenNotes">Other people's notes not shown until the reveal.</param>
public sealed record BoardView(int Id, string Title, int? EventId, string? EventTitle, BoardPhase Phase, bool PrivateWrite, bool NotesRevealed,
    int DotBudget, bool OneDotPerNote, bool VotesRevealed, bool Locked, bool Anonymous, DateTime? TimerEndsAt, bool IsFacilitator,
    IReadOnlyList<BoardColumnView> Columns, IReadOnlyList<BoardNoteView> Notes, IReadOnlyList<BoardClusterView> Clusters,
    IReadOnlyDictionary<int, int> MyVotes, int HiddenNotes)
{
    public string Topic => Board.TopicOf(Id);

    public int DotsLeft => Math.Max(0, DotBudget - MyVotes.Values.Sum());

    public bool VotesVisible => VotesRevealed || Phase == BoardPhase.Discuss;

    public bool IsPrivateNow => PrivateWrite && !NotesRevealed;
}

public sealed record BoardCard(int Id, string Title, string? EventTitle, BoardPhase Phase, int Notes, DateTime CreatedAt);

public sealed record BoardCreate(string Title, string Template, int? EventId, bool PrivateWrite, int DotBudget, bool OneDotPerNote);

public sealed record WorkshopOption(int Id, string Title, DateTime StartsAtUtc);

/// <summary>Both texts of a note two people saved at once: the second save is refused and shown this, never lost silently.</summary>
public sealed class NoteEditConflictException(string yours, string? theirs, int currentVersion)
    : Common.DomainException(theirs is null
        ? "Someone deleted this note while you were editing it. Your text is kept below so you can add it again."
        : "Someone saved this note while you were editing it. Both texts are shown: keep one, or combine them and save again.")
{
    public string Yours { get; } = yours;
    public string? Theirs { get; } = theirs;
    public int CurrentVersion { get; } = currentVersion;
}
