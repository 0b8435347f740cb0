namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>A reaction's count on one message.</summary>
public sealed record ReactionCount(string Reaction, int Count);

/// <summary>A message as the room shows it. <see cref="Html"/> is Markdown with raw HTML disabled and mentions marked.</summary>
public sealed record RoomMessage(long Id, long? ParentId, string AuthorId, string AuthorName, string City, string Text, string Html,
    IReadOnlyList<string> Mentions, DateTime SentAt, string? ClientMessageId, bool IsRemoved, IReadOnlyList<ReactionCount> Reactions);

/// <summary>An audience question. An anonymous one carries no author at all, so no page or hub client can show it.</summary>
public sealed record RoomQuestion(int Id, string? AuthorName, string? City, string Text, int Votes, bool IsAnswered, DateTime AskedAt);

public sealed record RoomHand(string UserId, string Name, string City, DateTime RaisedAt);

public sealed record RoomSettings(bool IsLocked, RoomMessage? Pinned, int? HighlightedQuestionId, IReadOnlyList<string> MutedUserIds);

/// <summary>
/// One change in a room, as every follower receives it (in a <see cref="Live.LiveEvent{TChange}"/> with the actor and
/// the room's sequence number): enough to apply it in memory without a query.
/// </summary>
public abstract record RoomChange
{
    /// <summary>The change's name for hub clients, e.g. "messagePosted".</summary>
    public string Kind => char.ToLowerInvariant(GetType().Name[0]) + GetType().Name[1..];
}

public sealed record MessagePosted(RoomMessage Message) : RoomChange;

public sealed record MessageRemoved(long MessageId) : RoomChange;

public sealed record ReactionToggled(long MessageId, string Reaction, string UserId, bool Added, int Count) : RoomChange;

public sealed record QuestionAsked(RoomQuestion Question) : RoomChange;

public sealed record QuestionUpdated(RoomQuestion Question) : RoomChange;

/// <summary>The whole speaker queue: it is short, and its order is the point.</summary>
public sealed record HandsChanged(IReadOnlyList<RoomHand> Queue, RoomHand? Floor) : RoomChange;

public sealed record SettingsChanged(RoomSettings Settings) : RoomChange;
