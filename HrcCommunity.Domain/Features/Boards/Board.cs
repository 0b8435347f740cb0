namespace HrcCommunity.Domain.Features.Boards;

/// <summary>The facilitator moves a board through these in order, or back when a group needs another round.</summary>
public enum BoardPhase
{
    Write = 0,
    Group = 1,
    Vote = 2,
    Discuss = 3,
}

/// <summary>A fixed palette: each colour has a tested text contrast on the page, so no free colour input.</summary>
public enum NoteColour
{
    Yellow = 0,
    Pink = 1,
    Blue = 2,
    Green = 3,
    Orange = 4,
    Purple = 5,
}

/// <summary>
/// A brainstorming board: columns of sticky notes a group writes, clusters and votes on while a facilitator (the
/// Coordinator who opened it, or the organiser of its workshop) runs the phases.
/// </summary>
public sealed class Board
{
    public const int TitleMax = 150;
    public const int MaxDotBudget = 20;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The workshop it belongs to; who may join follows that event's registrations. Null for a stand-alone board.</summary>
    public int? EventId { get; set; }
    public string FacilitatorId { get; set; } = "";
    public BoardPhase Phase { get; set; }
    /// <summary>In the write phase each person sees only their own notes until <see cref="NotesRevealed"/>.</summary>
    public bool PrivateWrite { get; set; }
    public bool NotesRevealed { get; set; }
    public int DotBudget { get; set; } = 5;
    public bool OneDotPerNote { get; set; }
    public bool VotesRevealed { get; set; }
    public bool Locked { get; set; }
    /// <summary>Hides every author's name for the whole session: on the page, on the hub and in exports.</summary>
    public bool Anonymous { get; set; }
    public DateTime? TimerEndsAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<BoardColumn> Columns { get; set; } = [];

    public static string TopicOf(int id) => $"board:{id}";
}

public sealed class BoardColumn
{
    public const int TitleMax = 80;
    public const int PromptMax = 300;

    public int Id { get; set; }
    public int BoardId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string Prompt { get; set; } = "";
}

public sealed class BoardNote
{
    public const int TextMax = 500;

    public int Id { get; set; }
    public int BoardId { get; set; }
    public int ColumnId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public NoteColour Colour { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public int? ClusterId { get; set; }
    /// <summary>The concurrency token: a save that read an older version is refused and shown both texts.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class BoardCluster
{
    public const int NameMax = 80;

    public int Id { get; set; }
    public int BoardId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The practice submitted from this cluster (results to action), so asking again opens it instead of making another.</summary>
    public string? PracticeSlug { get; set; }
    /// <summary>The Knowledge Centre draft made from this cluster.</summary>
    public string? KnowledgeSlug { get; set; }
}

/// <summary>
/// One dot. Inserted only by a single conditional statement (<see cref="BoardService.VoteAsync"/>): the database,
/// not the page, counts the person's dots against the budget, so two tabs voting at once cannot overspend.
/// </summary>
public sealed class BoardVote
{
    public long Id { get; set; }
    public int BoardId { get; set; }
    public int NoteId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CastAt { get; set; }
}

/// <summary>A Coordinator's own set of columns, saved from a board.</summary>
public sealed class BoardTemplate
{
    public const int NameMax = 80;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string OwnerId { get; set; } = "";
    /// <summary>The columns as JSON (title and prompt each): a template is read and written whole.</summary>
    public string ColumnsJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
}
