namespace HrcCommunity.Domain.Features.Questions;

public enum QuestionAction
{
    Ask = 0,
    Claim = 1,
    Release = 2,
    Reassign = 3,
    SendAnswer = 4,
    Publish = 5,
    CloseUnpublished = 6,
    RejectAsSpam = 7,
    Reopen = 8,
    /// <summary>Not a state change: an answer draft or a note was saved (live events only).</summary>
    Edited = 9,
    /// <summary>Not a state change: the asker opened the link emailed to them, so the address is theirs.</summary>
    ConfirmEmail = 10,
}

/// <summary>
/// The state machine in one table, so the services, the pages (which buttons to show) and the tests
/// all read the same rules. Who may act is checked separately by the service.
/// </summary>
public static class QuestionRules
{
    private static readonly Dictionary<(QuestionState, QuestionAction), QuestionState> Transitions = new()
    {
        [(QuestionState.New, QuestionAction.Claim)] = QuestionState.Claimed,
        [(QuestionState.New, QuestionAction.Reassign)] = QuestionState.Claimed,
        [(QuestionState.New, QuestionAction.RejectAsSpam)] = QuestionState.RejectedAsSpam,
        [(QuestionState.Claimed, QuestionAction.Release)] = QuestionState.New,
        [(QuestionState.Claimed, QuestionAction.Reassign)] = QuestionState.Claimed,
        [(QuestionState.Claimed, QuestionAction.SendAnswer)] = QuestionState.Answered,
        [(QuestionState.Claimed, QuestionAction.RejectAsSpam)] = QuestionState.RejectedAsSpam,
        [(QuestionState.Answered, QuestionAction.Publish)] = QuestionState.Published,
        [(QuestionState.Answered, QuestionAction.CloseUnpublished)] = QuestionState.ClosedUnpublished,
        [(QuestionState.Published, QuestionAction.CloseUnpublished)] = QuestionState.ClosedUnpublished,
        [(QuestionState.RejectedAsSpam, QuestionAction.Reopen)] = QuestionState.New,
    };

    public static IEnumerable<(QuestionState From, QuestionAction Action, QuestionState To)> All =>
        Transitions.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    public static bool Allows(QuestionState from, QuestionAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The state after the action, or a ConflictException that says why it cannot happen now.</summary>
    public static QuestionState Next(QuestionState from, QuestionAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to
            : throw new Common.ConflictException(
                $"This question is {Describe(from)}, so it cannot be {Verb(action)} now. Reload to see its current state.");

    /// <summary>States in which a question still needs work from the experts.</summary>
    public static readonly IReadOnlyList<QuestionState> Open = [QuestionState.New, QuestionState.Claimed];

    public static string Describe(QuestionState state) => state switch
    {
        QuestionState.New => "new",
        QuestionState.Claimed => "claimed",
        QuestionState.Answered => "answered",
        QuestionState.Published => "published",
        QuestionState.ClosedUnpublished => "closed (unpublished)",
        QuestionState.RejectedAsSpam => "rejected as spam",
        _ => state.ToString(),
    };

    private static string Verb(QuestionAction action) => action switch
    {
        QuestionAction.Claim => "claimed",
        QuestionAction.Release => "released",
        QuestionAction.Reassign => "reassigned",
        QuestionAction.SendAnswer => "answered",
        QuestionAction.Publish => "published",
        QuestionAction.CloseUnpublished => "closed",
        QuestionAction.RejectAsSpam => "rejected as spam",
        QuestionAction.Reopen => "reopened",
        _ => action.ToString().ToLowerInvariant(),
    };
}
