namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>One chat message in an event's room. A removed message keeps its row (and its place in threads) without its text.</summary>
public sealed class DialogueMessage
{
    public const int TextMax = 2_000;
    public const int ClientIdMax = 64;

    public long Id { get; set; }
    public int EventId { get; set; }
    public long? ParentId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorCity { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The display names the text mentions, resolved to participants when it was sent, one per line.</summary>
    public string Mentions { get; set; } = "";
    public string? ClientMessageId { get; set; }
    public DateTime SentAt { get; set; }
    public bool IsRemoved { get; set; }
}

/// <summary>One person's reaction; the unique index makes a second identical one (another tab, a double click) impossible.</summary>
public sealed class DialogueReaction
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public string UserId { get; set; } = "";
    public string Reaction { get; set; } = "";
}

public sealed class DialogueQuestion
{
    public const int TextMax = 500;

    public int Id { get; set; }
    public int EventId { get; set; }
    /// <summary>Kept for the asker's own view and for moderation; never shown or sent when <see cref="IsAnonymous"/>.</summary>
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorCity { get; set; } = "";
    public bool IsAnonymous { get; set; }
    public string Text { get; set; } = "";
    public DateTime AskedAt { get; set; }
    public int Votes { get; set; }
    public bool IsAnswered { get; set; }
}

/// <summary>One upvote per person and question, decided by the primary key.</summary>
public sealed class DialogueQuestionVote
{
    public int QuestionId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A raised hand in the speaker queue; the queue is in the order hands went up.</summary>
public sealed class DialogueHand
{
    public int EventId { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public DateTime RaisedAt { get; set; }
}

/// <summary>The room's own state beside the event: lock, pin, floor, highlighted question and the minutes.</summary>
public sealed class DialogueRoom
{
    public const int MinutesMax = 50_000;

    public int EventId { get; set; }
    public bool IsLocked { get; set; }
    public long? PinnedMessageId { get; set; }
    public int? HighlightedQuestionId { get; set; }
    public string? FloorUserId { get; set; }
    public string? FloorName { get; set; }
    public string? FloorCity { get; set; }
    public string? Minutes { get; set; }
    public DateTime? MinutesUpdatedAt { get; set; }
}

public sealed class DialogueMute
{
    public int EventId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>Where a person left off reading a room: the unread marker goes after this message.</summary>
public sealed class DialogueReadMark
{
    public int EventId { get; set; }
    public string UserId { get; set; } = "";
    public long LastReadMessageId { get; set; }
}
