namespace HrcCommunity.Domain.Features.Questions;

public sealed record QueueFilter(QuestionState? State = null, string? Topic = null, bool Mine = false);

public sealed record QueueItem(int Id, string Title, string Topic, string TopicLabel, QuestionState State, DateTime AskedAt,
    string? HolderId, string? HolderName);

/// <summary>The asker as experts may see them; null when the asker chose to stay anonymous to experts too.</summary>
public sealed record AskerView(string Name, string Email, string Place);

public sealed record NoteView(string AuthorName, string Text, DateTime CreatedAt);

public sealed record LogView(int QuestionId, string QuestionTitle, QuestionAction Action, QuestionState From, QuestionState To,
    string ActorName, string Detail, DateTime At);

public sealed record QuestionDetail(
    int Id, string Title, string Body, string Topic, string TopicLabel, IReadOnlyList<string> Themes, QuestionState State,
    DateTime AskedAt, string? HolderId, string? HolderName, AskerView? Asker, bool MayPublish,
    string Answer, string AnswerSummary, string AnswerLinks, string? AnsweredByName, string? Slug, int Version,
    IReadOnlyList<NoteView> Notes, IReadOnlyList<LogView> Log);

public sealed record AnswerDraft(string Answer, string Summary, string Links, int ExpectedVersion);

public sealed record ExpertOption(string Id, string DisplayName);
