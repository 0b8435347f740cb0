namespace HrcCommunity.Web.Live;

/// <summary>
/// One change as a hub client receives it: the change itself in <see cref="Change"/>, who made it (a user id: skip
/// your own echo), and its place in the topic's order. The first message after joining sets your place; after that,
/// a <see cref="Seq"/> that is not the next number means messages were missed, so reload.
/// </summary>
public sealed record LiveMessage<TChange>(string Topic, long Seq, string? ActorId, DateTimeOffset At, TChange Change);

public sealed record QuestionMessage(int QuestionId, string State, string Action);

public sealed record PracticeMessage(string Slug, string Status);

public sealed record AccountMessage(string UserId, string Status);

public sealed record CorrectionMessage(long CorrectionId, string NetworkSlug, string Status);

/// <summary>A board change: <see cref="Kind"/> is NoteAdded, NoteMoved, NoteEdited, NoteDeleted, Voted, Phase, Settings or Clusters.</summary>
/// <param name="Note">The note as it is now; its text and author are null while it is private to its author.</param>
/// <param name="Order">After a move: the note ids of the target column, in order.</param>
/// <param name="Totals">
/// On Voted, which stands for every dot placed or taken back in the last 50 ms or so: each touched note's new total (by
/// note id) once votes are revealed, else null.
/// </param>
public sealed record BoardMessage(string Kind, int? NoteId, BoardNoteMessage? Note, IReadOnlyList<int>? Order, IReadOnlyDictionary<int, int>? Totals);

public sealed record BoardNoteMessage(int Id, int ColumnId, int Position, string? Text, string Colour, string? AuthorName, int? ClusterId, int Version);
public sealed record NotificationMessage(string Change, long? NotificationId, string? Text, string? Link);

public sealed record PresenceMessage(int Count, IReadOnlyList<PresenceMemberMessage> Joined, IReadOnlyList<string> LeftUserIds);

public sealed record PresenceMemberMessage(string UserId, string DisplayName, string? City);

/// <summary>
/// One change in a dialogue room other than a new message: <see cref="Kind"/> names it (messageRemoved, reactionToggled,
/// questionAsked, questionUpdated, handsChanged, settingsChanged) and <see cref="Change"/> holds it. An anonymous question
/// names no author, and its message has no actor.
/// </summary>
public sealed record RoomChangeMessage(string Kind, object Change);

/// <summary>
/// A new message in a dialogue room, flat, as a meeting-room screen shows it: the author's name and city as the Blazor room
/// shows them, the Markdown text, and the poster's own <see cref="ClientMessageId"/> (to recognise its echo).
/// <see cref="Seq"/> is the room topic's sequence, shared with <see cref="ILiveClient.RoomChanged"/>: a room's changes
/// arrive through either method, each exactly once, and a gap in the numbers across both means something was missed.
/// </summary>
/// <param name="ParentId">The thread's first message when this is a reply, else null.</param>
public sealed record RoomPostMessage(long Id, string Topic, long Seq, string AuthorName, string City, string Text, string? ClientMessageId,
    DateTime SentAt, long? ParentId);

/// <summary>What <c>/hubs/live</c> calls on its clients: one method per stream, and the notice that a topic was taken away.</summary>
public interface ILiveClient
{
    Task QuestionChanged(LiveMessage<QuestionMessage> message);

    Task PracticeChanged(LiveMessage<PracticeMessage> message);

    Task AccountChanged(LiveMessage<AccountMessage> message);

    Task CorrectionChanged(LiveMessage<CorrectionMessage> message);

    Task PresenceChanged(LiveMessage<PresenceMessage> message);

    Task RoomChanged(LiveMessage<RoomChangeMessage> message);

    Task MessagePosted(RoomPostMessage message);
    Task BoardChanged(LiveMessage<BoardMessage> message);
    Task NotificationChanged(LiveMessage<NotificationMessage> message);

    /// <summary>The account may no longer follow the topic; the connection has left it.</summary>
    Task TopicRevoked(string topic);
}
